package com.deleverage.admin.replay;

import com.deleverage.replay.ReplayProgress;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** One replay job: its state, progress and, once done, its report. Thread-safe. */
public final class ReplayJob {
    private final String id;
    private final String submittedBy;
    private final Instant submittedAt;
    private final String ruleSet;
    private final List<String> labels;
    private final String summary;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    private ReplayState state = ReplayState.QUEUED;
    private Instant startedAt;
    private Instant finishedAt;
    private ReplayProgress progress;
    private String error;
    private String cancelledBy;
    private String reportJson;
    private String reportHtml;

    ReplayJob(String id, String submittedBy, Instant submittedAt, String ruleSet, List<String> labels, String summary) {
        this.id = id;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.ruleSet = ruleSet;
        this.labels = List.copyOf(labels);
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    String submittedBy() {
        return submittedBy;
    }

    String ruleSet() {
        return ruleSet;
    }

    String summary() {
        return summary;
    }

    boolean cancelRequested() {
        return cancelRequested.get();
    }

    /** Asks the job to stop; true when it was not finished yet (a queued job is cancelled at once). */
    synchronized boolean requestCancel(String actor, Instant now) {
        if (state.finished()) {
            return false;
        }
        cancelledBy = actor;
        cancelRequested.set(true);
        if (state == ReplayState.QUEUED) {
            state = ReplayState.CANCELLED;
            finishedAt = now;
        }
        return true;
    }

    /** Moves a queued job to RUNNING; false when it was cancelled before it started. */
    synchronized boolean start(Instant now) {
        if (state != ReplayState.QUEUED) {
            return false;
        }
        state = ReplayState.RUNNING;
        startedAt = now;
        return true;
    }

    void progress(ReplayProgress update) {
        synchronized (this) {
            progress = update;
        }
    }

    synchronized void succeed(String json, String html, Instant now) {
        reportJson = json;
        reportHtml = html;
        state = ReplayState.SUCCEEDED;
        finishedAt = now;
    }

    synchronized void fail(String message, Instant now) {
        error = message;
        state = ReplayState.FAILED;
        finishedAt = now;
    }

    synchronized void cancelled(Instant now) {
        state = ReplayState.CANCELLED;
        finishedAt = now;
    }

    public synchronized ReplayState state() {
        return state;
    }

    synchronized String reportJson() {
        return reportJson;
    }

    public synchronized String reportHtml() {
        return reportHtml;
    }

    public synchronized ReplayJobView view() {
        ReplayJobView.Progress shown = null;
        if (progress != null) {
            shown = new ReplayJobView.Progress(state == ReplayState.SUCCEEDED ? 1.0 : progress.fraction(),
                    progress.label(), progress.versionIndex() + 1, progress.versions(), progress.tick(),
                    progress.ticks(), progress.time());
        } else if (state == ReplayState.SUCCEEDED) {
            shown = new ReplayJobView.Progress(1.0, null, null, null, null, null, null);
        }
        String base = ReplayController.BASE + "/" + id;
        return new ReplayJobView(id, state, submittedBy, submittedAt, startedAt, finishedAt, ruleSet, labels, summary,
                shown != null ? shown : new ReplayJobView.Progress(0.0, null, null, null, null, null, null),
                error, cancelledBy,
                new ReplayJobView.Links(base, state == ReplayState.SUCCEEDED ? base + "/report" : null,
                        state == ReplayState.SUCCEEDED ? base + "/report.html" : null));
    }
}
