package dev.missive.testing;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The container's wiring for unit tests. Beans are injected by type into their {@code @Inject},
 * {@code @PersistenceContext} and {@code @Resource} fields, settings into {@code @ConfigProperty}
 * fields by name, as CDI would: a missing or ambiguous collaborator fails as the container
 * would fail. What a test registered comes first (stubs, the clock, the database); any other
 * type is the one bean of the ejb module that is one, made on first use. A module bean asked
 * for by its interface runs each call in a transaction, as the container's would.
 */
public final class TestBeans {

    private final List<Object> beans = new ArrayList<>();
    private final Map<Object, Object> proxies = new IdentityHashMap<>();
    private final Map<String, Object> config = new HashMap<>();
    private final List<Class<?>> moduleBeans = ModuleClasses.all().stream()
            .filter(type -> type.isAnnotationPresent(Stateless.class)
                    || type.isAnnotationPresent(Singleton.class)
                    || type.isAnnotationPresent(ApplicationScoped.class))
            .toList();
    private final TestTransactions transactions;

    public TestBeans(TestTransactions transactions) {
        this.transactions = transactions;
        add(transactions);
    }

    /** Registers a bean (a stub, or a real one built elsewhere): it satisfies every type it has. */
    public <T> T add(T bean) {
        beans.add(bean);
        return bean;
    }

    public TestBeans config(String name, Object value) {
        config.put(name, value);
        return this;
    }

    /** The one bean of this type. */
    public <T> T get(Class<T> type) {
        Object bean = find(type);
        if (type.isInterface() && moduleBeans.contains(bean.getClass())) {
            return type.cast(proxies.computeIfAbsent(bean, this::transactional));
        }
        return type.cast(bean);
    }

    private Object find(Class<?> type) {
        List<Object> registered = beans.stream().filter(type::isInstance).toList();
        if (registered.size() > 1) {
            throw new IllegalStateException("Ambiguous: " + registered.size() + " beans are a " + type.getName());
        }
        if (!registered.isEmpty()) {
            return registered.get(0);
        }
        List<Class<?>> candidates =
                moduleBeans.stream().filter(type::isAssignableFrom).toList();
        if (candidates.size() != 1 && !(candidates.isEmpty() && isConcrete(type))) {
            throw new IllegalStateException((candidates.isEmpty() ? "Unsatisfied: " : "Ambiguous: ") + type.getName());
        }
        Object bean = add(instantiate(candidates.isEmpty() ? type : candidates.get(0)));
        return inject(bean);
    }

    /** Fills the bean's injection points from the registered beans and settings. */
    public <T> T inject(T bean) {
        for (Class<?> c = bean.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(ConfigProperty.class)) {
                    set(bean, field, setting(field));
                } else if (field.isAnnotationPresent(Inject.class)
                        || field.isAnnotationPresent(PersistenceContext.class)
                        || field.isAnnotationPresent(Resource.class)) {
                    set(bean, field, get(field.getType()));
                }
            }
        }
        return bean;
    }

    /** The configured value, else the property's default converted to the field's type, as MicroProfile Config does. */
    private Object setting(Field field) {
        ConfigProperty property = field.getAnnotation(ConfigProperty.class);
        if (config.containsKey(property.name())) {
            return config.get(property.name());
        }
        String value = property.defaultValue();
        Class<?> type = field.getType();
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (value.equals(ConfigProperty.UNCONFIGURED_VALUE)) {
            throw new IllegalStateException("No value for " + property.name());
        }
        if (type == String.class) {
            return value;
        }
        if (type == long.class) {
            return Long.parseLong(value);
        }
        if (type == int.class) {
            return Integer.parseInt(value);
        }
        if (type == double.class) {
            return Double.parseDouble(value);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalStateException("No conversion to " + type.getName() + " for " + property.name());
    }

    /** Each call in the caller's transaction or a new one; an EJB's refusal marks it for rollback. */
    private Object transactional(Object bean) {
        boolean ejb = bean.getClass().isAnnotationPresent(Stateless.class)
                || bean.getClass().isAnnotationPresent(Singleton.class);
        return Proxy.newProxyInstance(
                bean.getClass().getClassLoader(),
                bean.getClass().getInterfaces(),
                (proxy, method, args) -> transactions.required(ejb, () -> {
                    try {
                        return method.invoke(bean, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof RuntimeException runtime
                                ? runtime
                                : new IllegalStateException(e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    private static boolean isConcrete(Class<?> type) {
        return !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
    }

    private static Object instantiate(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + type.getName(), e);
        }
    }

    private static void set(Object bean, Field field, Object value) {
        try {
            field.setAccessible(true);
            field.set(bean, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
