/**
 * Owns: the ground every capability stands on — data source and migrations ({@code platform.store}, partly in the
 * adapter-datasource module), SHA-256 digests as hex ({@code platform.io.Sha256}), Vietnam time, named container-managed threads
 * ({@code platform.concurrent.ManagedThreads}). May import: no
 * other package of the adapter (checked by architecture.PackageDependenciesTest).
 */
package vn.lienthong.adapter.platform;
