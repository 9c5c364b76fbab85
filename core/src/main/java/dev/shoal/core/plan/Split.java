package dev.shoal.core.plan;

/** A unit of scan work: one Parquet file, by its URI ({@code s3://bucket/key} or {@code file:/path}). */
public record Split(String uri, long length) {
}
