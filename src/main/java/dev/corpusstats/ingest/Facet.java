package dev.corpusstats.ingest;

import java.io.Serializable;

/** One of a document's facet values: {@code section = sport}. A document may have several values of a facet. */
public record Facet(String facet, String value) implements Serializable {
}
