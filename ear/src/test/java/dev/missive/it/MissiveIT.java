package dev.missive.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every integration test: the built EAR on the suite's WildFly, called over HTTP
 * (testable = false) with real tokens, as a hospital's systems would call it.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(MissiveSuite.class)
abstract class MissiveIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }
}
