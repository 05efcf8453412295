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
            OrderedParts parts = new OrderedParts(2, 4);
            // Unit 1 is ahead: its first 4 bytes fit the budget, the next 4 must wait for its turn.
            CountDownLatch firstHeld = new CountDownLatch(1);
            CompletableFuture<Void> ahead = CompletableFuture.runAsync(() -> {
                try (OutputStream part = parts.stream(1)) {
                    part.write(bytes("b123"));
                    firstHeld.countDown();
                    part.write(bytes("b456"));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            assertTrue(firstHeld.await(BOUND.toSeconds(), TimeUnit.SECONDS));
            Thread.sleep(100);
            assertTrue(!ahead.isDone(), "unit 1 went over the budget before its turn");
            // The head writes far more than the budget without waiting.
            write(parts, 0, "a".repeat(100));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.writeTo(0, out);
            parts.writeTo(1, out);
            ahead.get();
            assertEquals("a".repeat(100) + "b123b456", out.toString(StandardCharsets.UTF_8));
        });
    }

    @Test
    void anEndedUnitStopsTheWriterWithWhatItHad() {
        assertTimeoutPreemptively(BOUND, () -> {
            OrderedParts parts = new OrderedParts(2, 1 << 20);
            parts.stream(0).write(bytes("partial"));
            parts.end(0); // its worker failed: the exporter reports the failure after this returns
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
