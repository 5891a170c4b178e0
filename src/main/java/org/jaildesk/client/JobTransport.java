package org.jaildesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;

/**
 * Turns every action that changes a host into a job: started, fed with the host's progress events while it runs,
 * finished with its output and result. Reads are not jobs.
 */
public final class JobTransport extends ForwardingTransport {

    private final JobSink sink;
    /** The jobs running, by the {@code process_id} of their progress events ({@link Protocol#jobId}). */
    private final Map<String, List<JobSink.Job>> running = new ConcurrentHashMap<>();

    public JobTransport(Transport inner, JobSink sink) {
        super(inner);
        this.sink = sink;
        inner.onEvent(this::progress);
    }

    @Override
    public CompletableFuture<Reply> send(Request request) {
        String action = request.action();
        if (!Protocol.SYSADM.equals(request.namespace()) || !Protocol.changesHost(action, request.args())) {
            return inner.send(request);
        }
        String target = Protocol.target(request.args());
        // A job offers Cancel only where its transport can stop it (this machine and the demo host, not a remote one).
        String sent = request.args() == null ? "" : request.args().toString();
        JobSink.Job job = sink.started(action, target, sent.length() <= JobSink.REQUEST_KEPT ? sent : "",
                inner.canCancel() ? () -> inner.cancel(request.id()) : null, () -> inner.sentAs(request.id()).orElse(""));
        String id = Protocol.jobId(action, target);
        running.compute(id, (k, jobs) -> {
            List<JobSink.Job> all = jobs == null ? new CopyOnWriteArrayList<>() : jobs;
            all.add(job);
            return all;
        });
        return inner.send(request).whenComplete((r, e) -> {
            running.computeIfPresent(id, (k, jobs) -> {
                jobs.remove(job);
                return jobs.isEmpty() ? null : jobs;
            });
            if (e != null) {
                job.finished(false, e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), List.of());
            } else if (r instanceof ErrorReply err) {
                job.finished(false, err.message(), List.of());
            } else {
                JsonNode body = ((Response) r).args().path(action);
                String error = body.path("error").asText("");
                job.finished(error.isEmpty(), error.isEmpty() ? summary(body) : error, lines(body));
            }
        });
    }

    /** A job waiting its turn on this client is a job too: shown as waiting, with the others. */
    @Override
    public Queued queued(String action, String target) {
        return sink.queued(action, target);
    }

    /**
     * A line of a long job's output, to the job it belongs to: the host sends every job's progress to every client,
     * so another user's job on a shared server must not show it. A host runs one job of an id at a time and refuses a
     * second at once ({@link Protocol#oneAtATime}); until that refusal comes back, the line is the first job's.
     */
    private void progress(Event e) {
        if (!Protocol.DISPATCHER_EVENT.equals(e.name()) || running.isEmpty()) {
            return;
        }
        String line = e.args().path("line").asText("");
        if (line.isEmpty()) {
            return;
        }
        int percent = e.args().path("percent").asInt(-1);
        for (JobSink.Job job : running.getOrDefault(e.args().path("process_id").asText(""), List.of())) {
            job.line(line, percent);
            return;
        }
    }

    /**
     * The host's own word of success, for the job's result column; empty when the reply has none (start, stop: their
     * step lines are the job's output, and its state already says it is done, in the user's language) and when it
     * carries a command's output (a jail's {@code exec}, whose lines its success also lists): its first line is no
     * result.
     */
    static String summary(JsonNode body) {
        if (body.path("output").isArray()) {
            return "";
        }
        JsonNode s = body.path("success");
        if (s.isTextual()) {
            return s.asText();
        }
        if (s.isObject() && s.size() > 0) {
            Map.Entry<String, JsonNode> first = s.fields().next();
            return first.getValue().asText().isEmpty() ? first.getKey() : first.getKey() + ": " + first.getValue().asText().trim();
        }
        return "";
    }

    /** The lines a reply carries: step lines (start/stop), command output (exec), success lines. */
    static List<String> lines(JsonNode body) {
        List<String> out = new ArrayList<>();
        if (body.path("output").isArray()) {
            body.get("output").forEach(n -> out.add(n.asText()));
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject() && !e.getKey().equals("success")) {
                e.getValue().fields().forEachRemaining(x -> out.add(x.getValue().asText().isEmpty() ? x.getKey()
                        : x.getKey() + ": " + x.getValue().asText()));
            }
        }
        return out;
    }
}
