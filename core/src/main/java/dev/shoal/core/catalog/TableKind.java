package dev.shoal.core.catalog;

/** Who owns a table's files: DROP TABLE forgets an external table's files and deletes a managed table's. */
public enum TableKind {
    EXTERNAL,
    MANAGED
}
