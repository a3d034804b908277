package dev.missive.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriverService;

/**
 * Gives a test the browsers of the people in its scenario ({@code browsers.signIn("alice")}) and
 * closes them after it, so that every scenario starts without cookies or stored tokens. One
 * chromedriver process serves the whole suite: Chromium's start is the cost, not the driver's.
 */
final class Browsers implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browsers.class);

    private final ChromeDriverService service;
    private final List<Browser> open = new ArrayList<>();

    /** For JUnit's {@code @ExtendWith}. */
    Browsers() {
        this(null);
    }

    private Browsers(ChromeDriverService service) {
        this.service = service;
    }

    /** A browser of nobody signed in, that has not opened the portal yet. */
    Browser signedOut() {
        Browser browser = Browser.signedOut(service);
        open.add(browser);
        return browser;
    }

    Browser signIn(String account) {
        Browser browser = Browser.signedInAs(service, account);
        open.add(browser);
        return browser;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browsers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ChromeDriverService shared = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedDriver.class, type -> new SharedDriver(), SharedDriver.class)
                .service;
        Browsers browsers = new Browsers(shared);
        context.getStore(NAMESPACE).put(Browsers.class, browsers);
        return browsers;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browsers browsers = context.getStore(NAMESPACE).remove(Browsers.class, Browsers.class);
        if (browsers != null) {
            browsers.open.forEach(Browser::close);
        }
    }

    /** The suite's chromedriver, stopped when JUnit closes the root store. */
    private static final class SharedDriver implements AutoCloseable {

        final ChromeDriverService service;

        SharedDriver() {
            service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            try {
                service.start();
            } catch (IOException e) {
                throw new UncheckedIOException("chromedriver did not start (config/chromium installs it)", e);
            }
        }

        @Override
        public void close() {
            service.stop();
        }
    }
}
