package dev.shoal.core.catalog;

/**
 * A write in progress, recorded before its first file is stored: its files are the objects under
 * {@code location} whose names start with {@code writeId}. The coordinator that runs it
 * ({@code owner}) renews it, moving {@code expiresAt} (epoch ms) on, until it commits or cleans up;
 * one that expired (its coordinator died) is swept by another: its files deleted, the record dropped.
 */
public record PendingWrite(String writeId, String location, String table, String owner, long expiresAt) {
}
