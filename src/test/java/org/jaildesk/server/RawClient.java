package org.jaildesk.server;

import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A bare WebSocket client for tests and benchmarks: sends any text, collects every message, records the close. */
public final class RawClient extends WebSocketClient {

    public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    volatile int closeCode = -1;
    volatile String closeReason = "";

    public RawClient(URI uri) {
        super(uri);
        if ("wss".equals(uri.getScheme())) {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new X509TrustManager() {
                    @Override
                    public void checkClientTrusted(X509Certificate[] c, String a) {
                    }

                    @Override
                    public void checkServerTrusted(X509Certificate[] c, String a) {
                    }

                    @Override
                    public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                }}, new SecureRandom());
                setSocketFactory(ctx.getSocketFactory());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static RawClient open(URI uri) throws InterruptedException {
        RawClient c = new RawClient(uri);
        if (!c.connectBlocking(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("cannot connect to " + uri);
        }
        return c;
    }

    @Override
    protected void onSetSSLParameters(SSLParameters p) {
    }

    /** Logs in with {@code rpc auth}; fails unless the reply is a response (a token). */
    public RawClient login(String user, String password) throws InterruptedException {
        send("{\"namespace\":\"rpc\",\"name\":\"auth\",\"id\":\"login\",\"args\":{\"username\":\"" + user
                + "\",\"password\":\"" + password + "\"}}");
        String reply = next();
        if (!reply.matches("(?s).*\"name\"\\s*:\\s*\"response\".*")) {
            throw new AssertionError("login failed: " + reply);
        }
        return this;
    }

    /** The next message, waiting at most 30 s (a shared 2-core machine can be slow); fails the test when none comes. */
    public String next() throws InterruptedException {
        String m = messages.poll(30, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message within 30 s");
        }
        return m;
    }

    boolean awaitClose(long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (this) {
            while (closeCode < 0 && System.nanoTime() < end) {
                wait(50);
            }
        }
        return closeCode >= 0;
    }

    /** The server's reply to the opening handshake, once opened. */
    volatile ServerHandshake handshake;

    @Override
    public void onOpen(ServerHandshake h) {
        handshake = h;
    }

    @Override
    public void onMessage(String m) {
        messages.add(m);
    }

    @Override
    public synchronized void onClose(int code, String reason, boolean remote) {
        closeCode = code;
        closeReason = reason;
        notifyAll();
    }

    @Override
    public void onError(Exception e) {
    }
}
