package dev.shoal.parquet.store;

/** An object found by a listing: where it is and how many bytes it has. */
public record ObjectInfo(Location location, long length) {
}
