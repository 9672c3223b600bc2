package dev.gatehouse.cache.control;

import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import dev.gatehouse.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Artifacts as objects in an S3 bucket. S3 has no "create unless it exists" that every S3-compatible
 * server honours (S3Proxy ignores {@code If-None-Match: *}), so the database decides: each upload
 * goes to an object of its own, {@code <nxCloudId>/<tier>/<hash>/<random>}, its record names it, and
 * the record's unique key lets one upload of a hash count; the others' objects are deleted. A GET
 * therefore asks the records which object holds a hash ({@code locate}), then streams it.
 */
public class S3Store implements ArtifactStore {

    private static final Logger LOG = Logger.getLogger(S3Store.class.getName());

    /** Where a record says a hash is held, or nothing; asked of the database, not of S3. */
    public record Located(Tier tier, long size, String objectKey) {
    }

    private final S3Client s3;
    private final String bucket;
    private final BiFunction<CacheKey, List<Tier>, Optional<Located>> locate;
    private final S3Upload upload;
    private final String description;

    S3Store(S3Client s3, String bucket, BiFunction<CacheKey, List<Tier>, Optional<Located>> locate, String description) {
        this.s3 = s3;
        this.bucket = bucket;
        this.locate = locate;
        this.upload = new S3Upload(s3, bucket);
        this.description = description;
    }

    /**
     * A client that makes no request but to the bucket's endpoint: credentials from the standard
     * AWS variables (as environment variables or system properties) only, never from the cloud's
     * metadata addresses that the SDK's default chain would ask; no retries, because a failed
     * request becomes a miss or a refused upload at once, and nx carries on; checksums only where S3
     * requires them, which S3-compatible servers understand.
     */
    static S3Store connect(Settings.S3Bucket configured, BiFunction<CacheKey, List<Tier>, Optional<Located>> locate) {
        AwsCredentialsProvider credentials = AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create(),
                EnvironmentVariableCredentialsProvider.create());
        try {
            credentials.resolveCredentials();
        } catch (SdkException e) {
            throw new IllegalStateException(Settings.CACHE_STORE + "=s3 needs credentials for bucket " + configured.bucket()
                    + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", e);
        }
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(configured.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(Duration.ofSeconds(5)))
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        // S3-compatible servers rarely have a name per bucket; AWS's own endpoint does.
        configured.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return new S3Store(builder.build(), configured.bucket(), locate, "S3 bucket " + configured.bucket() + " in "
                + configured.region() + configured.endpoint().map(endpoint -> " at " + endpoint).orElse(""));
    }

    @Override
    public String toString() {
        return description;
    }

    void close() {
        s3.close();
    }

    @Override
    public Optional<Artifact> find(CacheKey key, List<Tier> tiers) {
        return locate.apply(key, tiers).map(located -> new Artifact(located.size(), located.tier(), () -> {
            try {
                return s3.getObject(request -> request.bucket(bucket).key(located.objectKey()));
            } catch (SdkException e) {
                throw new IOException("S3 bucket " + bucket + " did not give " + located.objectKey() + ": " + e.getMessage(), e);
            }
        }));
    }

    @Override
    public boolean exists(CacheKey key, List<Tier> tiers) {
        return locate.apply(key, tiers).isPresent();
    }

    @Override
    public Optional<Stored> store(CacheKey key, Tier tier, InputStream body, long length) throws IOException {
        String objectKey = prefixOf(key.nxCloudId()) + tierName(tier) + '/' + key.hash() + '/' + UUID.randomUUID();
        return Optional.of(new Stored(upload.put(objectKey, body, length), objectKey));
    }

    @Override
    public void remove(CacheKey key, Tier tier, String objectKey) {
        if (objectKey == null) {
            return; // recorded while the cache was in a folder: nothing of it is in the bucket
        }
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(objectKey));
        } catch (SdkException e) {
            throw new UncheckedIOException(new IOException("S3 bucket " + bucket + " kept " + objectKey + ": " + e.getMessage(), e));
        }
    }

    /**
     * One DELETE per object: DeleteObjects requires a checksum of its request that S3-compatible
     * servers do not all understand (S3Proxy answers 501), and this runs after the workspace is gone,
     * where no one waits for it.
     */
    @Override
    public void deleteAll(String nxCloudId) {
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefixOf(nxCloudId)))) {
                for (S3Object object : page.contents()) {
                    // Never one of ours: a folder some servers list (S3Proxy's file system, and slowly deleted there).
                    if (!object.key().endsWith("/")) {
                        s3.deleteObject(request -> request.bucket(bucket).key(object.key()));
                    }
                }
            }
        } catch (SdkException e) {
            throw new UncheckedIOException(new IOException("S3 bucket " + bucket + " kept objects of deleted workspace "
                    + nxCloudId + ": " + e.getMessage(), e));
        }
    }

    /** The bucket answers and lets us in; S3 has no notion of free space to report. */
    @Override
    public Readiness readiness() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
            return new Readiness(true, "cache-bucket", Map.of("bucket", bucket));
        } catch (SdkException e) {
            LOG.warning(() -> "Health check: S3 bucket " + bucket + " does not answer: " + e.getMessage());
            return new Readiness(false, "cache-bucket", Map.of("bucket", bucket));
        }
    }

    private static String prefixOf(String nxCloudId) {
        return nxCloudId + '/';
    }

    private static String tierName(Tier tier) {
        return tier == Tier.TRUSTED ? "trusted" : "untrusted";
    }
}
