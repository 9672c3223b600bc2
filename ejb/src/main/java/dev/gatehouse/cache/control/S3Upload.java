package dev.gatehouse.cache.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams one upload into one S3 object, hashing it on the way: as one PUT up to {@link #MULTIPART_FROM},
 * in parts above, so that no part is ever larger than S3 allows and no artifact is ever held in
 * memory. The client's body ending early is the client's failure ({@link IncompleteBodyException});
 * anything else is the store's ({@link StorageFailure}), and a multipart upload is then aborted.
 */
final class S3Upload {

    private static final Logger LOG = Logger.getLogger(S3Upload.class.getName());
    static final long MULTIPART_FROM = 64L << 20;
    private static final long MIN_PART = 16L << 20;
    /** S3's most parts per upload. */
    private static final long MAX_PARTS = 10_000;

    private final S3Client s3;
    private final String bucket;

    S3Upload(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** @return the SHA-256 of the bytes stored */
    String put(String objectKey, InputStream body, long length) throws IOException {
        Body counted = new Body(body, length);
        try {
            if (length < MULTIPART_FROM) {
                s3.putObject(request -> request.bucket(bucket).key(objectKey).contentLength(length),
                        RequestBody.fromInputStream(counted, length));
            } else {
                putInParts(objectKey, counted, length);
            }
        } catch (IOException | RuntimeException e) {
            throw counted.incomplete != null ? counted.incomplete
                    : new StorageFailure(new IOException("S3 bucket " + bucket + " did not take " + objectKey + ": " + e.getMessage(), e));
        }
        return HexFormat.of().formatHex(counted.sha256.digest());
    }

    private void putInParts(String objectKey, Body body, long length) throws IOException {
        long partSize = Math.max(MIN_PART, (length + MAX_PARTS - 1) / MAX_PARTS);
        String uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(objectKey)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < length; offset += partSize) {
                int number = parts.size() + 1;
                long size = Math.min(partSize, length - offset);
                body.endAt(offset + size);
                String etag = s3.uploadPart(request -> request.bucket(bucket).key(objectKey).uploadId(uploadId)
                        .partNumber(number).contentLength(size), RequestBody.fromInputStream(body, size)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(request -> request.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        } catch (RuntimeException failed) {
            abort(objectKey, uploadId);
            throw failed;
        }
    }

    /** Else the parts stay in the bucket, invisible and paid for, until a lifecycle rule takes them. */
    private void abort(String objectKey, String uploadId) {
        try {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(objectKey).uploadId(uploadId));
        } catch (SdkException e) {
            LOG.warning(() -> "The parts of an interrupted upload stay in S3 bucket " + bucket + " (" + objectKey
                    + ", upload " + uploadId + "): " + e.getMessage());
        }
    }

    /**
     * The client's body: hashed as it is read, told apart when it ends before its promised length,
     * and read one part at a time.
     */
    private static final class Body extends FilterInputStream {

        final MessageDigest sha256 = sha256();
        private final long length;
        private long read;
        private long end;
        IncompleteBodyException incomplete;

        Body(InputStream in, long length) {
            super(in);
            this.length = length;
            this.end = length;
        }

        /** Where the part now sent ends: the SDK reads a stream to its end. */
        void endAt(long position) {
            end = position;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (read == end) {
                return -1;
            }
            int got = in.read(buffer, offset, (int) Math.min(count, end - read));
            if (got < 0) {
                incomplete = new IncompleteBodyException(read, length);
                throw incomplete;
            }
            sha256.update(buffer, offset, got);
            read += got;
            return got;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** The SDK closes a part's stream when the part is sent; the request's body must stay open for the next. */
        @Override
        public void close() {
            // the servlet container closes the request body
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
