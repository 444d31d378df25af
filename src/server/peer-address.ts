import type { IncomingMessage, Server } from "node:http";

// No "server-only" marker: instrumentation.ts installs this before the first request.
//
// Route handlers and server actions see headers, not the socket. So that they can know who
// connected (client-ip.ts), every request Node's HTTP server receives gets the socket's address
// under PEER_HEADER, replacing whatever a client sent under that name.

export const PEER_HEADER = "x-warden-peer";

let installed = false;

export async function installPeerStamp(): Promise<void> {
  if (installed) return;
  installed = true;
  const http = await import("node:http");
  const proto = http.Server.prototype as Server & { emit: (event: string | symbol, ...args: unknown[]) => boolean };
  const emit = proto.emit;
  proto.emit = function stampPeer(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as IncomingMessage;
      const address = req.socket?.remoteAddress;
      if (address) req.headers[PEER_HEADER] = address;
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- PEER_HEADER is a constant name, and Node's headers object is not ours to make a Map
      else delete req.headers[PEER_HEADER];
    }
    return emit.call(this, event, ...args);
  };
}
