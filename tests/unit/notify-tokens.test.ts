import { describe, expect, it } from "vitest";
import { readStopToken, stopToken } from "@/lib/notify/tokens";

// the server's configuration is read on first use; the tokens need only its secret (the development one here)
process.env.DATABASE_URL ??= "postgresql://nobody@127.0.0.1:1/none";

// The "stop these messages" link: works without signing in, for that one purpose, and cannot be made up.
describe("stop tokens", () => {
  it("say whose messages and which channel; anything altered is no token", () => {
    const token = stopToken("user-1", "SMS");
    expect(readStopToken(token)).toEqual({ userId: "user-1", what: "SMS" });
    const [body, mac] = token.split(".");
    const other = Buffer.from("user-2|SMS").toString("base64url");
    expect(readStopToken(`${other}.${mac}`)).toBeNull();
    expect(readStopToken(`${body}.${mac!.replace(/.$/, (c) => (c === "A" ? "B" : "A"))}`)).toBeNull();
    expect(readStopToken(`${body}`)).toBeNull();
    expect(readStopToken("")).toBeNull();
    expect(readStopToken(`${token}.x`)).toBeNull();
  });
});
