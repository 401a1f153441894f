package org.siarchive.preservation;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ocfl.aws.OcflS3Client;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * The S3 clients of one OCFL root in a bucket (the primary store or the replica). Uploads go through the
 * transfer manager on a multipart client; every other request (reads included) through a plain client, since
 * some S3-compatible servers cannot serve a single part of an object.
 */
final class S3Connection implements AutoCloseable {

    private final OcflS3Client cloud;
    private final List<AutoCloseable> clients;
    private final EventLoopGroup events;
    private final SdkAsyncHttpClient http;

    S3Connection(OcflReplica.S3 settings) {
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        this.events = new NioEventLoopGroup(2, new DefaultThreadFactory("s3-" + settings.bucket(), true));
        this.http = NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(SdkEventLoopGroup.create(events))
                .maxConcurrency(64)
                .build();
        var client = S3AsyncClient.builder()
                .httpClient(http)
                .endpointOverride(URI.create(settings.endpoint()))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .multipartEnabled(false)
                .build();
        var uploads = S3AsyncClient.builder()
                .httpClient(http)
                .endpointOverride(URI.create(settings.endpoint()))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .multipartEnabled(true)
                .build();
        var transfers = S3TransferManager.builder().s3Client(uploads).build();
        this.cloud = OcflS3Client.builder()
                .s3Client(client)
                .transferManager(transfers)
                .bucket(settings.bucket())
                .repoPrefix(settings.prefix())
                .build();
        this.clients = List.of(transfers, client, uploads);
    }

    /** ocfl-java's client of the bucket under the repository prefix (its storage backend uses it too). */
    OcflS3Client cloud() {
        return cloud;
    }

    @Override
    public void close() {
        for (var c : clients) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing network clients
            }
        }
        http.close();
        // the event loop is ours: shut down without netty's default two-second quiet period
        events.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
