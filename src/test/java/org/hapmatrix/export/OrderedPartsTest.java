package org.hapmatrix.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Parts reach the output in unit order, within the memory budget, and a failed unit does not hang the writer. */
class OrderedPartsTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void laterUnitsFinishedFirstComeOutInUnitOrder() throws IOException {
        OrderedParts parts = new OrderedParts(3, 1 << 20);
        write(parts, 2, "c1", "c2");
        write(parts, 1, "b1");
        write(parts, 0, "a1", "a2", "a3");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = 0;
        for (int unit = 0; unit < 3; unit++) {
            written += parts.writeTo(unit, out);
        }
        assertEquals("a1a2a3b1c1c2", out.toString(StandardCharsets.UTF_8));
        assertEquals(12, written);
    }

    @Test
    void aWorkerAheadWaitsForTheBudgetAndTheHeadNeverWaits() {
        assertTimeoutPreemptively(BOUND, () -> {
            String chunk = "b".repeat(OrderedParts.CHUNK_BYTES);
            OrderedParts parts = new OrderedParts(2, OrderedParts.CHUNK_BYTES);
            // Unit 1 is ahead: its first chunk fits the budget, a second one must wait for its turn.
            CountDownLatch firstHeld = new CountDownLatch(1);
            CompletableFuture<Void> ahead = CompletableFuture.runAsync(() -> {
                try (OutputStream part = parts.stream(1)) {
                    part.write(bytes(chunk));
                    firstHeld.countDown();
                    part.write(bytes("c"));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            assertTrue(firstHeld.await(BOUND.toSeconds(), TimeUnit.SECONDS));
            Thread.sleep(100);
            assertTrue(!ahead.isDone(), "unit 1 went over the budget before its turn");
            // The head writes several budgets' worth without waiting, in writes of any size.
            String head = "a".repeat(3 * OrderedParts.CHUNK_BYTES + 5);
            try (OutputStream part = parts.stream(0)) {
                part.write(bytes(head.substring(0, 3)));
                part.write(bytes(head.substring(3)));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(head.length(), parts.writeTo(0, out));
            assertEquals(chunk.length() + 1, parts.writeTo(1, out));
            ahead.get();
            assertEquals(head + chunk + "c", out.toString(StandardCharsets.UTF_8));
        });
    }

    @Test
    void manySmallWritesShareChunksWithinTheBudget() {
        assertTimeoutPreemptively(BOUND, () -> {
            // Two chunks' worth of 3-byte writes (as BGZF writes its headers) fit a two-chunk budget.
            OrderedParts parts = new OrderedParts(2, 2L * OrderedParts.CHUNK_BYTES);
            StringBuilder expected = new StringBuilder();
            try (OutputStream part = parts.stream(1)) {
                for (int i = 0; 3 * (i + 1) <= 2 * OrderedParts.CHUNK_BYTES; i++) {
                    String piece = String.format("%03d", i % 1000);
                    part.write(bytes(piece));
                    expected.append(piece);
                }
            }
            parts.end(0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.writeTo(0, out);
            parts.writeTo(1, out);
            assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
        });
    }

    @Test
    void anEndedUnitStopsTheWriterWithWhatItHad() {
        assertTimeoutPreemptively(BOUND, () -> {
            OrderedParts parts = new OrderedParts(2, 1 << 20);
            OutputStream failing = parts.stream(0);
            failing.write(bytes("partial"));
            failing.close(); // its worker failed, leaving its try-with-resources
            parts.end(0); // and the unit's result completed exceptionally: reported after writeTo returns
            parts.end(1); // never taken
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(7, parts.writeTo(0, out));
            assertEquals(0, parts.writeTo(1, out));
            assertEquals("partial", out.toString(StandardCharsets.UTF_8));
        });
    }

    @Test
    void aWaitingWorkerStopsWhenInterrupted() throws Exception {
        OrderedParts parts = new OrderedParts(2, 1);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                parts.stream(1).write(bytes("too much for the budget"));
                failure.complete(null);
            } catch (IOException e) {
                failure.complete(e);
            }
        });
        worker.start();
        Thread.sleep(100);
        worker.interrupt();
        assertInstanceOf(InterruptedIOException.class, failure.get(BOUND.toSeconds(), TimeUnit.SECONDS));
    }

    private static void write(OrderedParts parts, int unit, String... chunks) throws IOException {
        try (OutputStream part = parts.stream(unit)) {
            for (String chunk : chunks) {
                part.write(bytes(chunk));
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
