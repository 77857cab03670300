-- The text size a person chose (issue 16, part 3): on the user, so it follows them to every device and role.
CREATE TYPE "TextSize" AS ENUM ('NORMAL', 'LARGER', 'LARGEST');

ALTER TABLE "user" ADD COLUMN "textSize" "TextSize" NOT NULL DEFAULT 'NORMAL';
