package dev.missive.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The archive under test is the EAR this build produced, never a hand-assembled one. */
final class Deployments {

    private Deployments() {}

    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("missive.ear")));
    }
}
