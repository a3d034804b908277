package dev.missive.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The ejb module's own classes, found as the container finds them: every top-level class it compiled. */
final class ModuleClasses {

    private ModuleClasses() {}

    static List<Class<?>> all() {
        try {
            Path root = Path.of(dev.missive.domain.Party.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.map(root::relativize)
                        .map(Path::toString)
                        .filter(file ->
                                file.endsWith(".class") && !file.contains("$") && !file.endsWith("package-info.class"))
                        .<Class<?>>map(file -> load(file.substring(0, file.length() - ".class".length())
                                .replace('/', '.')))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
