package dev.missive.persistence;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JPQL where clause and its parameters, built from fixed fragments: input only ever goes into parameters. */
final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    Where and(String condition) {
        conditions.add(condition);
        return this;
    }

    Where and(String condition, String parameter, Object value) {
        return and(condition).bind(parameter, value);
    }

    Where bind(String parameter, Object value) {
        parameters.put(parameter, value);
        return this;
    }

    <Q extends Query> Q applyTo(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    @Override
    public String toString() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
