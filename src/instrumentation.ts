// Runs once when the server starts: refuse to start on bad configuration, naming the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvOrExit } = await import("./server/check-env");
    checkEnvOrExit();
    // Before any request: route handlers and actions learn the socket address (server/client-ip.ts).
    const { installPeerStamp } = await import("./server/peer-address");
    await installPeerStamp();
  }
}
