package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

/** A column a scan reads: its name in the files and the SQL type it is read as. */
public record ScanColumn(String name, DataType type) {
}
