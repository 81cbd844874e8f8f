package com.deleverage.admin.executor;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The permit of an admitted request comes back exactly once, whichever way the response ends. */
class ReleaseOnTerminationTest {
    private final AtomicInteger releases = new AtomicInteger();
    private final List<String> seen = new ArrayList<>();

    @Test
    void aResponseReleasesOnceBeforeItIsPassedOn() {
        subscribe(new ReleaseOnTermination<>(source(s -> {
            s.onNext("response");
            s.onComplete();
        }), this::release));

        assertThat(seen).containsExactly("released 1", "next response", "complete");
        assertThat(releases).hasValue(1);
    }

    @Test
    void aFailureReleases() {
        subscribe(new ReleaseOnTermination<>(source(s -> s.onError(new IllegalStateException("boom"))), this::release));

        assertThat(seen).containsExactly("released 1", "error boom");
    }

    @Test
    void aCancelReleases() {
        Subscription[] subscription = new Subscription[1];
        new ReleaseOnTermination<String>(source(s -> { }), this::release).subscribe(new Recorder() {
            @Override
            public void onSubscribe(Subscription s) {
                subscription[0] = s;
            }
        });
        subscription[0].cancel();
        subscription[0].cancel();

        assertThat(seen).containsExactly("released 1");
    }

    @Test
    void aSourceThatThrowsOnSubscribeReleases() {
        Publisher<String> broken = s -> {
            throw new IllegalStateException("no");
        };
        try {
            subscribe(new ReleaseOnTermination<>(broken, this::release));
        } catch (IllegalStateException expected) {
            seen.add("thrown " + expected.getMessage());
        }

        assertThat(seen).containsExactly("released 1", "thrown no");
    }

    private void release() {
        seen.add("released " + releases.incrementAndGet());
    }

    private void subscribe(Publisher<String> publisher) {
        publisher.subscribe(new Recorder());
    }

    /** A source that signals what {@code body} does once it is subscribed to and asked for an item. */
    private static Publisher<String> source(java.util.function.Consumer<Subscriber<? super String>> body) {
        return subscriber -> subscriber.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                body.accept(subscriber);
            }

            @Override
            public void cancel() {
            }
        });
    }

    private class Recorder implements Subscriber<String> {
        @Override
        public void onSubscribe(Subscription s) {
            s.request(1);
        }

        @Override
        public void onNext(String item) {
            seen.add("next " + item);
        }

        @Override
        public void onError(Throwable error) {
            seen.add("error " + error.getMessage());
        }

        @Override
        public void onComplete() {
            seen.add("complete");
        }
    }
}
