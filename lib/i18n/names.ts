/** The first of a person's names, as the people close to them would say it ("Inge" for "Inge Hansen"). */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;
