package dev.shoal.exec.exchange;

import dev.shoal.core.task.TaskId;
import org.apache.arrow.flight.Ticket;

import java.nio.charset.StandardCharsets;

/** Names one partition of one task's output: the Flight ticket a consumer presents. */
public record ExchangeTicket(TaskId taskId, int partition) {
    public Ticket toTicket() {
        return new Ticket((taskId + "#" + partition).getBytes(StandardCharsets.UTF_8));
    }

    public static ExchangeTicket parse(Ticket ticket) {
        String text = new String(ticket.getBytes(), StandardCharsets.UTF_8);
        int hash = text.lastIndexOf('#');
        return new ExchangeTicket(TaskId.parse(text.substring(0, hash)), Integer.parseInt(text.substring(hash + 1)));
    }
}
