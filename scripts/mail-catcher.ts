// `npm run mail:catch`: a local SMTP server for development that accepts every message and
// prints it. Point Warden at it with SMTP_URL=smtp://127.0.0.1:1025.
import { SMTPServer } from "smtp-server";

const port = Number(process.env.MAIL_CATCHER_PORT || 1025);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (c: Buffer) => (raw += c.toString()));
    stream.on("end", () => {
      console.log(`\n--- mail to ${session.envelope.rcptTo.map((r) => r.address).join(", ")} ---\n${raw}`);
      callback();
    });
  },
});
server.listen(port, "127.0.0.1", () => console.log(`mail catcher listening on smtp://127.0.0.1:${port}`));
