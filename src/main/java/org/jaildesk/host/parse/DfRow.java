package org.jaildesk.host.parse;

/** One row of {@code iocage df}, values as iocage prints them (already checked to be sizes or placeholders). */
public record DfRow(String id, String tag, String crt, String res, String qta, String use, String ava) {
}
