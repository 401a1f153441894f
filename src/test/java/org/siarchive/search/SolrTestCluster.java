package org.siarchive.search;

import java.nio.file.Path;
import java.util.function.Function;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.jspecify.annotations.Nullable;

/**
 * SolrCloud in the test JVM: two Solr nodes (Jetty) and ZooKeeper on 127.0.0.1, their cores under a temporary
 * directory. The application makes the collection itself ({@link SolrCollection#ensure}): nothing is uploaded here.
 */
final class SolrTestCluster implements AutoCloseable {

    static final int NODES = 2;
    static final int SHARDS = 2;

    private final MiniSolrCloudCluster cluster;

    SolrTestCluster(Path dir) throws Exception {
        System.setProperty("host", "127.0.0.1");
        System.setProperty("solr.log.dir", dir.resolve("logs").toString());
        // a client given only a node's URL uploads the configset through the API, which Solr refuses by default
        System.setProperty("configset.upload.enabled", "true");
        this.cluster = new MiniSolrCloudCluster.Builder(NODES, dir).build();
    }

    String zkHosts() {
        return cluster.getZkServer().getZkAddress();
    }

    /** The backend on a collection of two shards, one replica each, named {@code siarchive_<name>}. */
    SolrArchiveSearch backend(String name, Function<String, byte @Nullable []> idIndex) {
        return backend(name, idIndex, SolrCollection.client(zkHosts(), null));
    }

    /** The same, the client given only the first node's URL (no ZooKeeper): cluster state and configset over HTTP. */
    SolrArchiveSearch backendOverHttp(String name, Function<String, byte @Nullable []> idIndex) {
        String url = cluster.getJettySolrRunners().get(0).getBaseUrl().toString();
        return backend(name, idIndex, SolrCollection.client(null, url));
    }

    private SolrArchiveSearch backend(
            String name,
            Function<String, byte @Nullable []> idIndex,
            org.apache.solr.client.solrj.impl.CloudSolrClient client) {
        String collection = "siarchive_" + name;
        SolrCollection.ensure(client, collection, SHARDS, 1);
        return new SolrArchiveSearch(client, collection, 1_000, idIndex);
    }

    /** The configset name a collection uses now, as the cluster state has it. */
    String configOf(String collection) {
        try (var client = SolrCollection.client(zkHosts(), null)) {
            return client.getClusterState().getCollection(collection).getConfigName();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        cluster.shutdown();
    }
}
