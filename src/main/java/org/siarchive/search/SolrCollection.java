package org.siarchive.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrResponse;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SolrCloud collection of the index, made ready at start-up so that a fresh cluster needs no manual step: the
 * configset of this layout ({@code solr/siarchive/conf/} on the class path, named {@code <collection>-layout<N>})
 * is uploaded when the cluster does not hold it — written to ZooKeeper when the client reaches ZooKeeper, else
 * through the configset API (which Solr refuses unless started with {@code -Dconfigset.upload.enabled=true}) — and
 * the collection is created with it when absent, or moved onto it (then reloaded) when it uses another layout's.
 */
final class SolrCollection {

    private static final Logger log = LoggerFactory.getLogger(SolrCollection.class);
    static final String CONF = "solr/siarchive/conf/";
    static final List<String> FILES = List.of("schema.xml", "solrconfig.xml");

    private SolrCollection() {}

    /** A cloud client: through ZooKeeper ({@code host:port,host:port/chroot}), else through a node's base URL. */
    static CloudSolrClient client(@Nullable String zkHosts, @Nullable String url) {
        if (zkHosts != null && !zkHosts.isBlank()) {
            String hosts = zkHosts.strip();
            int slash = hosts.indexOf('/');
            Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(hosts.substring(slash));
            String ensemble = slash < 0 ? hosts : hosts.substring(0, slash);
            return new CloudSolrClient.Builder(List.of(ensemble.split(",")), chroot).build();
        }
        if (url != null && !url.isBlank()) {
            return new CloudSolrClient.Builder(List.of(url.strip())).build();
        }
        throw new IllegalArgumentException("siarchive.search.solr.zk-hosts or siarchive.search.solr.url must be set");
    }

    static String configName(String collection) {
        return collection + "-layout" + EntryFields.LAYOUT;
    }

    /** Uploads this layout's configset if missing, then creates the collection or moves it onto the configset. */
    static void ensure(CloudSolrClient client, String collection, int shards, int replicas) {
        String config = configName(collection);
        try {
            var configs = new ConfigSetAdminRequest.List().process(client).getConfigSets();
            if (!configs.contains(config)) {
                upload(client, config);
            }
            if (!CollectionAdminRequest.listCollections(client).contains(collection)) {
                var create = CollectionAdminRequest.createCollection(collection, config, shards, replicas);
                create.setWaitForFinalState(true);
                process(client, create);
                log.info(
                        "search collection {} created: {} shards × {} replicas, configset {}",
                        collection,
                        shards,
                        replicas,
                        config);
            } else if (!config.equals(
                    client.getClusterState().getCollection(collection).getConfigName())) {
                process(
                        client,
                        CollectionAdminRequest.modifyCollection(collection, Map.of("collection.configName", config)));
                process(client, CollectionAdminRequest.reloadCollection(collection));
                log.info("search collection {} moved onto configset {}", collection, config);
            }
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("search collection " + collection + " could not be made ready", e);
        }
    }

    private static void process(CloudSolrClient client, SolrRequest<? extends SolrResponse> request)
            throws SolrServerException, IOException {
        request.process(client);
    }

    private static void upload(CloudSolrClient client, String config) throws SolrServerException, IOException {
        if (client.getClusterStateProvider() instanceof ZkClientClusterStateProvider zk) {
            var zkClient = zk.getZkStateReader().getZkClient();
            try {
                for (String file : FILES) {
                    zkClient.makePath("/configs/" + config + "/" + file, resource(file), true);
                }
            } catch (org.apache.zookeeper.KeeperException e) {
                throw new IOException("configset " + config + " not written to ZooKeeper", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing configset " + config, e);
            }
        } else {
            new ConfigSetAdminRequest.Upload()
                    .setConfigSetName(config)
                    .setUploadStream(new ContentStreamBase.ByteArrayStream(zip(), config + ".zip", "application/zip"))
                    .process(client);
        }
        log.info("search configset {} uploaded", config);
    }

    /** The configset's files as one zip, for the configset API. */
    static byte[] zip() {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (String file : FILES) {
                zip.putNextEntry(new ZipEntry(file));
                zip.write(resource(file));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] resource(String file) {
        try (var in = SolrCollection.class.getClassLoader().getResourceAsStream(CONF + file)) {
            if (in == null) {
                throw new IllegalStateException("the Solr configset file " + CONF + file + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
