package dev.missive.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What the whole suite shares, set up once per test JVM (the first time any test class runs,
 * after Arquillian has deployed): the SMTP server WildFly sends to, and the demo directory,
 * loaded through the API (the integration engine; the clinic policy by the clinic admin) from
 * the same files `config/missive up` uses.
 * Keycloak and PostgreSQL are started by the build around the suite (config/missive services).
 */
public class MissiveSuite implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GreenMail.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context).mail;
    }

    private static Shared shared(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(MissiveSuite.class))
                .getOrComputeIfAbsent(Shared.class, type -> new Shared(), Shared.class);
    }

    /** Closed by JUnit when the suite ends. */
    static final class Shared implements AutoCloseable {

        final GreenMail mail;

        Shared() {
            mail = new GreenMail(new ServerSetup(
                    Integer.getInteger("missive.it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            loadDemoDirectory();
        }

        private static void loadDemoDirectory() {
            Fhir integration = Fhir.as(Tokens.INTEGRATION);
            for (Path file : demoFiles()) {
                try {
                    String body = DemoDates.resolve(Files.readString(file));
                    Resource resource = (Resource) Fhir.CONTEXT.newJsonParser().parseResource(body);
                    // The clinic's policy (messaging switched on) and its quick replies are a clinic admin's to set.
                    Fhir loader = resource instanceof Organization || resource instanceof Basic
                            ? Fhir.as("admin")
                            : integration;
                    Fhir.Response response = loader.putRaw(
                            resource.fhirType() + "/" + resource.getIdElement().getIdPart(), body);
                    if (response.status() >= 300) {
                        throw new IllegalStateException("Demo data " + file.getFileName() + " refused: " + response);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        private static List<Path> demoFiles() {
            try (Stream<Path> files = Files.list(Path.of(System.getProperty("missive.demo.dir")))) {
                return files.filter(f -> f.toString().endsWith(".json"))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            mail.stop();
        }
    }
}
