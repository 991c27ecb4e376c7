package vn.lienthong.axis.client;

import java.nio.file.Path;

/** A package written to disk by {@code getEdoc} or {@code downloadEdoc}. */
public record FetchedPackage(String docId, Path file, long size) {
}
