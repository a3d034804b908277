package dev.missive.service;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Transient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;

/**
 * Refuses an entity whose text is longer than its column before anything is written: a 400
 * naming the field, where the database would answer an error (and H2 one quoting the value,
 * which is health information, for the log); or, for a record that must be written anyway,
 * cuts the text to fit. The limits are the entities' own {@code @Column}
 * lengths (JPA's default 255 where none is given), which a test holds equal to the schema.
 */
public final class ColumnLimits {

    private ColumnLimits() {}

    /** {@code what}: how the refusal names the entity, e.g. "The Patient". */
    public static void check(Object entity, String what) {
        for (Class<?> type = entity.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!isPersistent(field)) {
                    continue;
                }
                int limit = limitOf(field);
                for (Object value : values(field, entity)) {
                    if (value instanceof String text && text.length() > limit) {
                        throw new InvalidRequestException(what + "'s " + field.getName()
                                + " is longer than its limit of " + limit + " characters");
                    }
                }
            }
        }
    }

    /** Cuts {@code entity}'s text to its columns: for records that are written whatever they were given. */
    public static void fit(Object entity) {
        for (Class<?> type = entity.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (isPersistent(field) && field.getType() == String.class) {
                    cut(field, entity);
                }
            }
        }
    }

    private static void cut(Field field, Object entity) {
        try {
            field.setAccessible(true);
            if (field.get(entity) instanceof String text && text.length() > limitOf(field)) {
                field.set(entity, text.substring(0, limitOf(field)));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot write " + field, e);
        }
    }

    /** The length of {@code field}'s column: its {@code @Column} length, else JPA's default. */
    static int limitOf(Field field) {
        Column column = field.getAnnotation(Column.class);
        return column == null ? 255 : column.length();
    }

    static boolean isPersistent(Field field) {
        return !Modifier.isStatic(field.getModifiers())
                && !field.isAnnotationPresent(Transient.class)
                && (field.getType() == String.class
                        || field.isAnnotationPresent(ElementCollection.class)
                                && Collection.class.isAssignableFrom(field.getType()));
    }

    private static Collection<?> values(Field field, Object entity) {
        try {
            field.setAccessible(true);
            Object value = field.get(entity);
            if (value instanceof Collection<?> collection) {
                return collection;
            }
            return value == null ? List.of() : List.of(value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }
}
