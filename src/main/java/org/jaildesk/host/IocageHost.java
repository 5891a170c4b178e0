package org.jaildesk.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaildesk.domain.Shown;
import org.jaildesk.host.parse.IocageParseException;
import org.jaildesk.protocol.ErrorCode;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.RequestHandler;
import org.jaildesk.protocol.Response;

/**
 * The sysadm {@code iocage} class, answered by running iocage through a {@link CommandRunner}: the real
 * {@link ProcessRunner} on a FreeBSD host, or the simulator for the demo host.
 *
 * <p>Every request is checked before anything runs: a wrong namespace is 404, a malformed request or an argument
 * that fails validation is 400 with a message naming the problem. iocage's own failures come back as a normal reply
 * with {@code "error"} inside the action object, as the sysadm server did. Mutating actions on one jail run one at a
 * time; pool and clean actions run alone; reads run in parallel.
 */
public final class IocageHost implements RequestHandler, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IocageHost.class.getName());

    private final CommandRunner runner;
    private final HostOptions options;
    /**
     * Reads and changes run on separate threads: changes may run for hours (a create downloading a release) or
     * queue behind each other per jail, and a listing must not wait for a free thread behind them.
     */
    private final ExecutorService reads;
    private final ExecutorService changes;
    private final Actions actions;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ExecutedCommand>> commandListeners = new CopyOnWriteArrayList<>();
    private final ReentrantReadWriteLock hostLock = new ReentrantReadWriteLock();
    private final Map<String, ReentrantLock> jailLocks = new ConcurrentHashMap<>();
    private final Object dialectLock = new Object();
    private volatile Dialect dialect;
    private final RunningChanges changeBook = new RunningChanges();
    private final Object listingLock = new Object();
    /** The {@code listjails} in flight that a new one may join, or null. */
    private Listing listing;

    /** A listing in flight, started when {@code begun} changes had begun and none was running. */
    private record Listing(long begun, CompletableFuture<Reply> reply) {
    }

    private volatile Protection protection = Protection.NONE;

    /** The server's marks from now on: {@code destroyjail} and the cleans refuse to destroy a jail marked. */
    public void protectWith(Protection marks) {
        this.protection = java.util.Objects.requireNonNull(marks);
    }

    Protection protection() {
        return protection;
    }

    public IocageHost(CommandRunner runner, HostOptions options) {
        this.runner = runner;
        this.options = options;
        this.reads = pool(options.threads(), "iocage-host-read-");
        this.changes = pool(options.threads(), "iocage-host-change-");
        this.actions = new Actions(this, options);
    }

    /** Up to {@code threads} threads, which end after a minute without work. */
    private static ExecutorService pool(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public CommandRunner runner() {
        return runner;
    }

    @Override
    public CompletableFuture<Reply> handle(Request request) {
        Reply early = check(request);
        if (early != null) {
            return CompletableFuture.completedFuture(early);
        }
        String action = request.action();
        Args args = new Args(action, request.args());
        if (action.equals("listjails")) {
            return listJails(request, args);
        }
        return run(request, action, args);
    }

    private CompletableFuture<Reply> run(Request request, String action, Args args) {
        boolean change = Protocol.changesHost(action, request.args());
        String job = change && Protocol.oneAtATime(action, request.args()) ? args.jobId() : null;
        if (job != null && !changeBook.claimJob(job)) {
            String target = Protocol.target(request.args());
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.set(action, error("the same " + action + (target.isEmpty() ? "" : " of " + Shown.of(target))
                    + " is already running or waiting its turn on this host (perhaps from another window or user):"
                    + " wait for it to end"));
            return CompletableFuture.completedFuture(Response.to(request, out));
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                if (!change) {
                    try {
                        return answer(request, action, args);
                    } finally {
                        Thread.interrupted();
                    }
                }
                // Only changes can be cancelled: a listing may be shared with other callers, who did not ask to stop it.
                changeBook.begin(request.id());
                try {
                    if (changeBook.refusedByStop()) {
                        // Taken from the queue after the stop: nothing is run, and the caller is told so.
                        return cancelled(request, action, "cancelled: the server is stopping; nothing was run");
                    }
                    Reply reply = answer(request, action, args);
                    if (changeBook.cutOffByStop() && reply instanceof Response r && r.args().path(action).has("error")) {
                        // Cut off by the stop: said as such rather than as whatever the killed iocage left behind.
                        return cancelled(request, action, "cancelled: the server is stopping");
                    }
                    return reply;
                } finally {
                    changeBook.end(request.id());
                    if (job != null) {
                        changeBook.releaseJob(job);
                    }
                }
            }, change ? changes : reads);
        } catch (RejectedExecutionException e) {
            if (job != null) {
                changeBook.releaseJob(job);
            }
            return CompletableFuture.completedFuture(ErrorReply.of(request.id(), ErrorCode.INTERNAL, "the host is shutting down"));
        }
    }

    private static Reply cancelled(Request request, String action, String why) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set(action, error(why));
        return Response.to(request, out);
    }

    /**
     * {@code listjails}, shared: a listing asked for while another is running joins it instead of starting iocage
     * again, as long as no change has begun on this host since that one started, and none was running when it did.
     * After a change every client of a server asks at once (the change event), and {@code iocage list} may take a
     * minute on a large pool: one run answers them all, and none of them gets a listing from before the change.
     * Only a running listing is joined; a finished one is never reused. A listing cannot be cancelled
     * ({@link #cancel} stops changes only): others may have joined it.
     */
    private CompletableFuture<Reply> listJails(Request request, Args args) {
        CompletableFuture<Reply> joined;
        synchronized (listingLock) {
            Listing l = listing;
            if (l != null && !l.reply().isDone() && changeBook.begun() == l.begun()) {
                joined = l.reply();
            } else {
                long begun = changeBook.begun();
                boolean quiet = changeBook.quietSince(begun);
                CompletableFuture<Reply> mine = run(request, "listjails", args);
                listing = quiet ? new Listing(begun, mine) : null;
                return mine;
            }
        }
        return joined.thenApply(r -> Reply.readdressed(r, request));
    }

    /** The checks that need no iocage: namespace, name, args shape, action. */
    private static Reply check(Request request) {
        if (!Protocol.SYSADM.equalsIgnoreCase(request.namespace()) || !Protocol.IOCAGE.equalsIgnoreCase(request.name())) {
            return ErrorReply.of(request.id(), ErrorCode.NOT_FOUND,
                    "no such class: " + Shown.of(request.namespace()) + "/" + Shown.of(request.name()));
        }
        JsonNode args = request.args();
        if (!args.isObject()) {
            return ErrorReply.of(request.id(), ErrorCode.BAD_REQUEST, "args must be an object");
        }
        JsonNode action = args.get("action");
        if (action == null || action.isNull()) {
            return ErrorReply.of(request.id(), ErrorCode.BAD_REQUEST, "args.action is missing");
        }
        if (!action.isTextual()) {
            return ErrorReply.of(request.id(), ErrorCode.BAD_REQUEST, "args.action must be a string");
        }
        if (!Protocol.SEED_ACTIONS.contains(action.asText()) && !Protocol.EXTENSION_ACTIONS.contains(action.asText())) {
            return ErrorReply.of(request.id(), ErrorCode.BAD_REQUEST, "unknown action '" + Shown.of(action.asText()) + "'");
        }
        return null;
    }

    private Reply answer(Request request, String action, Args args) {
        ObjectNode payload;
        try {
            payload = actions.run(action, args);
        } catch (BadRequestException e) {
            return ErrorReply.of(request.id(), ErrorCode.BAD_REQUEST, e.getMessage());
        } catch (ActionFailedException e) {
            payload = error(e.getMessage());
        } catch (UnsupportedActionException e) {
            // Not a failure of this call but what the host's iocage cannot do at all: a client may stop offering it.
            payload = error(e.getMessage());
            payload.put("unsupported", "true");
        } catch (CommandException e) {
            payload = error(e.getMessage());
        } catch (IocageParseException e) {
            payload = error("iocage printed output JailDesk cannot read: " + e.getMessage());
        } catch (InterruptedException e) {
            payload = error("cancelled");
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "unexpected failure in " + action, e);
            return ErrorReply.of(request.id(), ErrorCode.INTERNAL, "internal error in " + action + ": " + e);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set(action, payload);
        return Response.to(request, out);
    }

    static ObjectNode error(String message) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("error", message);
        return o;
    }

    /** The dialect of this host's iocage, detected once from {@code iocage --version}; retried after a failure. */
    Dialect dialect() throws CommandException, ActionFailedException {
        Dialect d = dialect;
        if (d != null) {
            return d;
        }
        synchronized (dialectLock) {
            if (dialect == null) {
                CommandResult r = exec(Cli.version(), options.readTimeout(), "", null);
                if (r.timedOut()) {
                    throw new ActionFailedException("'iocage --version' did not finish within "
                            + options.readTimeout().toSeconds() + " s and was stopped");
                }
                try {
                    dialect = Dialect.detect(r.stdout().isBlank() ? r.stderr() : r.stdout());
                } catch (IllegalArgumentException e) {
                    throw new ActionFailedException(e.getMessage());
                }
                LOG.info(() -> "iocage dialect: " + dialect.kind() + " (" + dialect.label() + ")");
            }
            return dialect;
        }
    }

    CommandResult exec(List<String> args, java.time.Duration timeout, String stdin, Consumer<String> lines)
            throws CommandException {
        return exec(new CommandSpec(args, timeout, stdin, lines));
    }

    CommandResult exec(CommandSpec spec) throws CommandException {
        return ran(null, spec, runner.run(spec));
    }

    /** Runs one of the host's own programs, told to the command listeners as iocage's runs are. */
    CommandResult execTool(Tool tool, CommandSpec spec) throws CommandException {
        return ran(tool, spec, runner.runTool(tool, spec));
    }

    private CommandResult ran(Tool tool, CommandSpec spec, CommandResult r) {
        ExecutedCommand done = new ExecutedCommand(tool, spec.args(), r.exitCode(), r.elapsed(), r.timedOut());
        for (Consumer<ExecutedCommand> l : commandListeners) {
            try {
                l.accept(done);
            } catch (RuntimeException e) {
                LOG.warning("a command listener failed: " + e);
            }
        }
        return r;
    }

    /** Runs {@code work} as a change to one jail: alone for that jail, beside changes to other jails. */
    <T> T withJail(String jail, Work<T> work) throws Exception {
        Lock shared = hostLock.readLock();
        shared.lock();
        try {
            ReentrantLock lock = jailLocks.computeIfAbsent(jail, k -> new ReentrantLock(true));
            lock.lock();
            try {
                return work.run();
            } finally {
                lock.unlock();
            }
        } finally {
            shared.unlock();
        }
    }

    /** Runs {@code work} as a change to the whole host (pools, clean): alone. */
    <T> T withHost(Work<T> work) throws Exception {
        Lock exclusive = hostLock.writeLock();
        exclusive.lock();
        try {
            return work.run();
        } finally {
            exclusive.unlock();
        }
    }

    /** Work done under a lock. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    void publish(Event event) {
        if (Protocol.JAIL_CHANGED_EVENT.equals(event.name())) {
            changeBook.endOpen();
        }
        for (Consumer<Event> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warning("an event listener failed: " + e);
            }
        }
    }

    /**
     * Stops a change still running (or waiting for its jail or the host): its thread is interrupted, a running iocage
     * is killed with its children, and the reply says {@code cancelled}. Reads are not stopped this way.
     */
    @Override
    public boolean cancel(String requestId) {
        return changeBook.cancel(requestId);
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Listens to every iocage command this host runs ("show your work" in the protocol log). */
    public AutoCloseable onCommand(Consumer<ExecutedCommand> listener) {
        commandListeners.add(listener);
        return () -> commandListeners.remove(listener);
    }

    @Override
    public void close() {
        reads.shutdownNow();
        changes.shutdownNow();
    }

    /** Whether this host was closed or retired and every command it ran has ended. */
    public boolean ended() {
        return changes.isTerminated() && reads.isTerminated();
    }

    /**
     * Waits, after {@link #close} (or a stop's or retirement's refusal of new requests), until every command this host
     * ran has ended: an iocage interrupted by the close is killed (with its children) on its own thread, which ends
     * only once it is gone.
     *
     * @return whether all had ended within {@code limit}
     */
    public boolean awaitClosed(Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        return changes.awaitTermination(limit.toNanos(), TimeUnit.NANOSECONDS)
                && reads.awaitTermination(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * For a server that stops: takes no new requests, cancels the changes running (as {@link #cancel} does) and those
     * still waiting their turn (they run nothing), and waits up to {@code grace} for all of them to be answered, so
     * that their callers and the audit log learn how each ended. Reads already taken may finish in that time. Then
     * stops what is left, as {@link #close} does.
     *
     * @return how many changes were stopped this way: running (one may have ended on its own just then) or waiting
     */
    public int stop(Duration grace) {
        retire();
        changeBook.stopAll();
        try {
            awaitClosed(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        return changeBook.stopped();
    }

    /**
     * Takes no new requests but lets those already taken run to their end (a create half-way through its download is
     * not killed); for a host replaced by another over the same iocage.
     */
    public void retire() {
        reads.shutdown();
        changes.shutdown();
    }
}
