package com.deleverage.admin.executor;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The response publisher of an admitted request, which gives its permit back exactly once: when the
 * response is there, or the request failed, or the client went away (cancel). A permit that leaked would
 * shrink its class for good, so every way out releases it, and only once.
 */
final class ReleaseOnTermination<T> implements Publisher<T> {
    private final Publisher<T> source;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();

    ReleaseOnTermination(Publisher<T> source, Runnable release) {
        this.source = source;
        this.release = release;
    }

    private void releaseOnce() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }

    @Override
    public void subscribe(Subscriber<? super T> downstream) {
        try {
            source.subscribe(new Subscriber<T>() {
                @Override
                public void onSubscribe(Subscription subscription) {
                    downstream.onSubscribe(new Subscription() {
                        @Override
                        public void request(long n) {
                            subscription.request(n);
                        }

                        @Override
                        public void cancel() {
                            releaseOnce();
                            subscription.cancel();
                        }
                    });
                }

                @Override
                public void onNext(T item) {
                    releaseOnce(); // the response is ready: the class's work for this request is done
                    downstream.onNext(item);
                }

                @Override
                public void onError(Throwable error) {
                    releaseOnce();
                    downstream.onError(error);
                }

                @Override
                public void onComplete() {
                    releaseOnce();
                    downstream.onComplete();
                }
            });
        } catch (RuntimeException e) {
            releaseOnce();
            throw e;
        }
    }
}
