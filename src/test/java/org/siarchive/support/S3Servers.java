package org.siarchive.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3Proxy in this JVM on 127.0.0.1, on a filesystem backend, with the tests' buckets made: the one way tests start it. */
public final class S3Servers {

    private S3Servers() {}

    /** Started, its buckets made, AWS V2/V4 authentication with the given keys. */
    public static S3Proxy start(Path backing, String access, String secret, String... buckets) {
        try {
            Files.createDirectories(backing);
            var props = new Properties();
            props.setProperty("jclouds.filesystem.basedir", backing.toString());
            var proxy = S3Proxy.builder()
                    .blobStore(BlobStores.create("filesystem", props))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, access, secret)
                    // the SDK's multipart uploads send x-amz-mp-object-size, which S3Proxy otherwise refuses (501)
                    .ignoreUnknownHeaders(true)
                    .build();
            proxy.start();
            for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(10);
            }
            try (var s3 = client(proxy, access, secret)) {
                for (String bucket : buckets) {
                    s3.createBucket(b -> b.bucket(bucket));
                }
            }
            return proxy;
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
    }

    public static URI endpoint(S3Proxy proxy) {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public static S3Client client(S3Proxy proxy, String access, String secret) {
        return S3Client.builder()
                .endpointOverride(endpoint(proxy))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(access, secret)))
                .build();
    }
}
