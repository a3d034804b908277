package dev.missive.fhir.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.Test;

class PagedResultsTest {

    private final List<String> queried = new ArrayList<>();

    private List<Communication> page(int offset, int limit) {
        queried.add(offset + "+" + limit);
        List<Communication> page = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            page.add((Communication) new Communication().setId("c" + (offset + i)));
        }
        return page;
    }

    @Test
    void theFirstPageReadWithTheTotalIsServedWithoutAQueryOnce() {
        PagedResults results = new PagedResults(50, page(0, 20), this::page);
        queried.clear();

        List<IBaseResource> first = results.getResources(0, 20);

        assertEquals(20, first.size());
        assertEquals(List.of(), queried);
    }

    @Test
    void aKeptSearchAskedForItsFirstPageAgainReadsItAgain() {
        PagedResults results = new PagedResults(50, page(0, 20), this::page);
        results.getResources(0, 20);
        queried.clear();

        List<IBaseResource> again = results.getResources(0, 20);

        assertEquals(20, again.size());
        assertEquals(List.of("0+20"), queried);
    }

    @Test
    void laterPagesAreQueried() {
        PagedResults results = new PagedResults(50, page(0, 20), this::page);
        queried.clear();

        assertEquals("c20", results.getResources(20, 40).get(0).getIdElement().getIdPart());
        assertEquals(List.of("20+20"), queried);
    }
}
