import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendSms, SmsNotSent, SmsRefused, type SmsConfig } from "@/lib/notify/sms";
import { SMS_TEST_TOKEN, smsControl, smsMessages, smsReset, startSmsGateway, type SmsGateway } from "../sms/client";

// The SMS channel against a local gateway speaking GatewayAPI's REST shape (tests/sms/server.mjs),
// over real HTTP: what arrives, and how each kind of failure is told apart.
let gateway: SmsGateway;
let config: SmsConfig;
beforeAll(async () => {
  gateway = await startSmsGateway(3361);
  config = { url: gateway.url, token: SMS_TEST_TOKEN, sender: "Solbjerg" };
});
afterAll(async () => {
  await gateway?.stop();
});
afterEach(async () => {
  await smsReset(gateway.base);
});

const NUMBER = "+45 21 43 65 87";
const MSISDN = "4521436587";
const TEXT = "Der er nyt i din plan. Log ind for at se det.";
const sms = (over: Partial<{ to: string; text: string; key: string }> = {}) => ({ to: NUMBER, text: TEXT, key: randomUUID(), ...over });

/** The error sendSms threw, checked to name neither the number (in any form) nor the words. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  const message = (error as Error).message;
  for (const secret of [MSISDN, "21436587", "21 43 65 87", TEXT, "Der er nyt"]) expect(message).not.toContain(secret);
  return error as Error;
}

describe("sending an SMS", () => {
  it("arrives with the number as an MSISDN, the words, our sender, and our key as userref", async () => {
    const one = sms();
    const { gatewayId } = await sendSms(one, config);
    const received = await smsMessages(gateway.base, MSISDN);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ id: Number(gatewayId), msisdn: MSISDN, message: TEXT, sender: "Solbjerg", userref: one.key });
  });

  it.each([
    ["12345678", "4512345678"],
    ["0045 87 65 43 21", "4587654321"],
    ["+46 70 123 45 67", "46701234567"],
  ])("a number stored as %j arrives at %s", async (to, expected) => {
    await sendSms(sms({ to }), config);
    expect((await smsMessages(gateway.base)).map((m) => m.msisdn)).toEqual([expected]);
  });

  it("Danish letters and a text of exactly 459 characters go through; a longer one is a bug, not a failed delivery", async () => {
    await sendSms(sms({ text: "Hej Åse, din pårørende har skrevet i jeres fælles plan." }), config);
    await sendSms(sms({ text: "x".repeat(459) }), config);
    expect((await smsMessages(gateway.base, MSISDN)).map((m) => m.message.length)).toEqual([55, 459]);
    const tooLong = await failure(sendSms(sms({ text: "x".repeat(460) }), config));
    expect(tooLong).toBeInstanceOf(RangeError);
    expect(tooLong).not.toBeInstanceOf(SmsNotSent);
    await expect(sendSms(sms({ text: "" }), config)).rejects.toBeInstanceOf(RangeError);
  });
});

describe("when it is not sent", () => {
  it("a wrong token: not sent (401), worth trying again once the token is fixed, nothing kept", async () => {
    const error = await failure(sendSms(sms(), { ...config, token: "wrong-token" }));
    expect(error).toBeInstanceOf(SmsNotSent);
    expect(error).not.toBeInstanceOf(SmsRefused);
    expect(error.message).toContain("401");
    expect(error.message).toContain("credentials");
    expect(await smsMessages(gateway.base)).toEqual([]);
  });

  it.each([500, 503, 429])("the gateway answers %i: not sent, worth trying again", async (status) => {
    await smsControl(gateway.base, "fail", { count: 1, status });
    const error = await failure(sendSms(sms(), config));
    expect(error).toBeInstanceOf(SmsNotSent);
    expect(error).not.toBeInstanceOf(SmsRefused);
    expect(error.message).toContain(String(status));
    // the next one goes through again
    await sendSms(sms(), config);
    expect(await smsMessages(gateway.base)).toHaveLength(1);
  });

  it("the gateway answers 422: refused, with its code and incident id but not its words", async () => {
    await smsControl(gateway.base, "fail", { count: 1, status: 422 });
    const error = await failure(sendSms(sms(), config));
    expect(error).toBeInstanceOf(SmsRefused);
    expect(error.message).toMatch(/^gateway refused the message \(422, code 0x0308, incident [0-9a-f-]{36}\)$/);
  });

  it("a number that is not a number: refused without asking the gateway", async () => {
    const error = await failure(sendSms(sms({ to: "ring til Åse" }), config));
    expect(error).toBeInstanceOf(SmsRefused);
    expect(await smsMessages(gateway.base)).toEqual([]);
  });

  it("a gateway that does not answer: not sent, after the timeout", async () => {
    await smsControl(gateway.base, "hang", { count: 1 });
    const started = Date.now();
    const error = await failure(sendSms(sms(), config, { timeoutMs: 300 }));
    expect(error).toBeInstanceOf(SmsNotSent);
    expect(error).not.toBeInstanceOf(SmsRefused);
    expect(error.message).toBe("gateway did not answer within 0.3 s");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await smsMessages(gateway.base)).toEqual([]);
  });

  it("a gateway that is not there: not sent, naming the network error", async () => {
    // a port that was free a moment ago (port 9 would not do: fetch refuses it as a "bad port" before connecting)
    const free = net.createServer();
    await new Promise<void>((resolve) => free.listen(0, "127.0.0.1", resolve));
    const { port } = free.address() as net.AddressInfo;
    await new Promise((resolve) => free.close(resolve));
    const error = await failure(sendSms(sms(), { ...config, url: `http://127.0.0.1:${port}/rest/mtsms` }));
    expect(error).toBeInstanceOf(SmsNotSent);
    expect(error.message).toBe("gateway not reached (ECONNREFUSED)");
  });

  it("a sender the gateway could never show: not sent, until the setting is fixed", async () => {
    const error = await failure(sendSms(sms(), { ...config, sender: "Solbjerg Kommune" }));
    expect(error).toBeInstanceOf(SmsNotSent);
    expect(error).not.toBeInstanceOf(SmsRefused);
    expect(await smsMessages(gateway.base)).toEqual([]);
  });
});

describe("the local gateway, held to the real one's documented shape", () => {
  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const one = { sender: "Solbjerg", message: "Hej", recipients: [{ msisdn: 4512345678 }] };

  it("takes the token as the basic-auth user name, and answers ids and usage", async () => {
    const res = await post(one, { authorization: `Basic ${Buffer.from(`${SMS_TEST_TOKEN}:`).toString("base64")}` });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ids: [expect.any(Number)], usage: { countries: { DK: 1 }, currency: "DKK" } });
  });

  it.each([
    [{ ...one, sender: "Solbjerg Kommune" }, "sender"],
    [{ ...one, message: "" }, "message"],
    [{ ...one, recipients: [] }, "recipients"],
    [{ ...one, recipients: [{ msisdn: "+4512345678" }] }, "msisdn"],
  ])("answers 422 for %j", async (body, field) => {
    const res = await post(body, { authorization: `Token ${SMS_TEST_TOKEN}` });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: expect.stringMatching(/^0x/), message: expect.any(String), variables: [field] });
  });

  it("answers 401 without a token and 400 for a body that is not JSON", async () => {
    expect((await post(one, {})).status).toBe(401);
    const notJson = await fetch(gateway.url, { method: "POST", headers: { authorization: `Token ${SMS_TEST_TOKEN}` }, body: "{" });
    expect(notJson.status).toBe(400);
  });
});
