package dev.missive.fhir.server;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the application server does for the FHIR layer, for tests that run it without one: one
 * instance of each of the layer's bean classes, made with its no-argument constructor, its
 * {@code @Inject} and {@code @EJB} fields filled by type, a setting ({@code @ConfigProperty}) with
 * its default. A service (anything outside the layer)
 * is the stub the test gave; a service the test did not stub fails whatever a request calls on
 * it: an interface with an UnsupportedOperationException, a no-interface bean (a class, which no
 * proxy can stand for) by being null.
 */
final class Beans {

    private static final String LAYER = "dev.missive.fhir.";

    private final Map<Class<?>, Object> instances = new HashMap<>();

    /**
     * {@code stubs}: implementations of service interfaces, each standing for every interface it
     * implements, or instances of no-interface beans (such as {@code UnitOfWork}), standing for
     * their class.
     */
    Beans(Object... stubs) {
        for (Object stub : stubs) {
            for (Class<?> type = stub.getClass(); type != Object.class; type = type.getSuperclass()) {
                instances.put(type, stub);
                for (Class<?> service : type.getInterfaces()) {
                    instances.put(service, stub);
                }
            }
        }
    }

    <T> T get(Class<T> type) {
        Object found = instances.get(type);
        if (found == null && type.getName().startsWith(LAYER)) {
            found = construct(type);
        } else if (found == null && type.isInterface()) {
            found = unstubbed(type);
        }
        return type.cast(found);
    }

    private Object construct(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object bean = constructor.newInstance();
            // kept before its fields are filled, as a container does, so that beans may refer to each other
            instances.put(type, bean);
            for (Class<?> declaring = type; declaring != Object.class; declaring = declaring.getSuperclass()) {
                for (Field field : declaring.getDeclaredFields()) {
                    ConfigProperty setting = field.getAnnotation(ConfigProperty.class);
                    if (setting != null) {
                        field.setAccessible(true);
                        field.set(bean, setting.defaultValue());
                    } else if (field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(EJB.class)) {
                        field.setAccessible(true);
                        field.set(bean, get(field.getType()));
                    }
                }
            }
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + type.getName() + " as the container would", e);
        }
    }

    private Object unstubbed(Class<?> service) {
        Object failing =
                Proxy.newProxyInstance(service.getClassLoader(), new Class<?>[] {service}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(service.getSimpleName() + " is not stubbed in this test");
                });
        instances.put(service, failing);
        return failing;
    }
}
