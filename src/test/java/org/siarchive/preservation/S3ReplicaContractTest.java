package org.siarchive.preservation;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The replica contract on an OCFL root in an S3-compatible bucket: S3Proxy runs in this JVM on 127.0.0.1
 * (filesystem backend, AWS V4 authentication) and ocfl-java's S3 backend talks to it over HTTP.
 */
class S3ReplicaContractTest extends ReplicaContract {

    static S3Proxy proxy;
    static Path backing;
    static final String BUCKET = "siarchive-replica";

    @BeforeAll
    static void startS3() throws Exception {
        backing = Files.createTempDirectory("s3proxy-");
        var props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", backing.toString());
        var store = BlobStores.create("filesystem", props);
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "replica-access", "replica-secret")
                // the SDK's multipart uploads send x-amz-mp-object-size, which S3Proxy otherwise refuses (501)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(10);
        }
        try (var s3 = S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("replica-access", "replica-secret")))
                .build()) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
    }

    static URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @AfterAll
    static void stopS3() throws Exception {
        proxy.stop();
    }

    @Override
    OcflReplica open(Path tmp) {
        return OcflReplica.onS3(
                new OcflReplica.S3(
                        endpoint().toString(),
                        "us-east-1",
                        BUCKET,
                        "replica-" + tmp.getFileName(),
                        "replica-access",
                        "replica-secret"),
                tmp.resolve("work"));
    }
}
