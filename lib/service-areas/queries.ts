import "server-only";
import { systemDb } from "@/lib/db/system";

export type ServiceAreaDto = { key: string; nameDa: string; nameEn: string };
export type MunicipalityDto = { name: string; serviceAreas: ServiceAreaDto[] };

/**
 * The municipality this installation serves, with its service areas: public
 * facts, not citizen data. One municipality per installation for now; the
 * oldest one wins when there are several.
 */
export async function getHomeMunicipality(): Promise<MunicipalityDto | null> {
  return systemDb().municipality.findFirst({
    orderBy: { createdAt: "asc" },
    select: {
      name: true,
      serviceAreas: { orderBy: { createdAt: "asc" }, select: { key: true, nameDa: true, nameEn: true } },
    },
  });
}
