package org.siarchive.crypto;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;

/**
 * A one-pass digest through libcrypto: heap bytes are copied once per chunk into the thread's direct buffer and
 * every algorithm's context reads them there; a direct buffer is read where it is. The contexts come from the
 * thread's idle ones and go back at {@link #finish}; a pass dropped unfinished has its contexts freed by a cleaner.
 */
final class NativePass implements Digests.Pass {

    private static final Cleaner CLEANER = Cleaner.create();

    private final Contexts contexts;
    private final Cleaner.Cleanable cleanable;

    NativePass(String... algorithms) {
        long[] ctx = new long[algorithms.length];
        for (int i = 0; i < algorithms.length; i++) {
            ctx[i] = NativeDigests.context(algorithms[i]);
        }
        this.contexts = new Contexts(ctx);
        this.cleanable = CLEANER.register(this, contexts);
    }

    static boolean supports(String... algorithms) {
        for (String a : algorithms) {
            if (NativeDigests.type(a) == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        var scratch = NativeDigests.scratch();
        for (int done = 0; done < length; ) {
            int n = scratch.load(bytes, offset + done, Math.min(NativeDigests.CHUNK, length - done));
            feed(scratch.address, n);
            done += n;
        }
        Reference.reachabilityFence(this);
    }

    @Override
    public void update(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            int n = buffer.remaining();
            if (buffer.hasArray()) {
                update(buffer.array(), buffer.arrayOffset() + buffer.position(), n);
            } else {
                byte[] copy = new byte[n];
                buffer.duplicate().get(copy);
                update(copy, 0, n);
            }
        } else {
            feed(NativeDigests.address(buffer) + buffer.position(), buffer.remaining());
        }
        buffer.position(buffer.limit());
        Reference.reachabilityFence(this);
    }

    private void feed(long address, long n) {
        if (contexts.released) {
            throw new IllegalStateException("this digest pass is finished");
        }
        for (long ctx : contexts.ctx) {
            NativeDigests.update(ctx, address, n);
        }
    }

    @Override
    public byte[][] finish() {
        if (contexts.released) {
            throw new IllegalStateException("this digest pass is finished");
        }
        byte[][] out = new byte[contexts.ctx.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = NativeDigests.finish(contexts.ctx[i]);
        }
        contexts.released = true;
        cleanable.clean();
        for (long ctx : contexts.ctx) {
            NativeDigests.release(ctx);
        }
        Reference.reachabilityFence(this);
        return out;
    }

    /** The native contexts of one pass; freed by the cleaner unless the pass finished and gave them back. */
    private static final class Contexts implements Runnable {
        final long[] ctx;
        volatile boolean released;

        Contexts(long[] ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            if (!released) {
                released = true;
                for (long c : ctx) {
                    NativeDigests.free(c);
                }
            }
        }
    }
}
