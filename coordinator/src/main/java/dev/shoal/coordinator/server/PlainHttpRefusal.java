package dev.shoal.coordinator.server;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.OptionalSslConnectionFactory;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * On a TLS port, a client that speaks plain http gets one answer, 400 saying to use https, and the
 * connection closes: otherwise it would wait for a handshake, or (Jetty closing without a word)
 * its HTTP client would retry forever.
 */
final class PlainHttpRefusal extends OptionalSslConnectionFactory {
    private static final String BODY = "This port speaks TLS: connect with https (the JDBC URL's SSL=true)\n";
    private static final byte[] RESPONSE = ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
            + BODY.length() + "\r\nConnection: close\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);

    PlainHttpRefusal(SslConnectionFactory ssl) {
        super(ssl, null);
    }

    @Override
    protected void otherProtocol(ByteBuffer buffer, EndPoint endPoint) {
        endPoint.write(new Callback() {
            @Override
            public void succeeded() {
                endPoint.close();
            }

            @Override
            public void failed(Throwable x) {
                endPoint.close();
            }
        }, ByteBuffer.wrap(RESPONSE));
    }
}
