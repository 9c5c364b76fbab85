package dev.shoal.exec.exchange;

/** Serves one kind of Flight action (a control call such as creating a task): request body in, response body out. */
@FunctionalInterface
public interface ActionHandler {
    byte[] handle(byte[] body) throws Exception;
}
