import { describe, expect, it } from "vitest";
import { databaseRoles } from "../../scripts/db.mjs";

const app = "postgresql://tio_app:a%40pw@db.example:5432/tio";
const owner = "postgresql://tio_owner:o-pw@db.example:5432/tio";

describe("which database role does what (decision 027)", () => {
  it("with DATABASE_URL and MIGRATE_DATABASE_URL: the owner migrates, the app runs as DATABASE_URL's role", () => {
    expect(databaseRoles({ DATABASE_URL: app, MIGRATE_DATABASE_URL: owner })).toEqual({ ownerUrl: owner, appUrl: app, appRole: "tio_app" });
  });

  it("with DATABASE_URL alone, or both as one user: one role does everything, as before", () => {
    expect(databaseRoles({ DATABASE_URL: app })).toEqual({ ownerUrl: app, appUrl: app, appRole: null });
    const same = "postgresql://tio_app:other@db.example:5432/tio";
    expect(databaseRoles({ DATABASE_URL: app, MIGRATE_DATABASE_URL: same })).toMatchObject({ appRole: null });
  });

  it("without DATABASE_URL: nothing, the embedded cluster has roles of its own", () => {
    expect(databaseRoles({ MIGRATE_DATABASE_URL: owner })).toBeNull();
  });
});
