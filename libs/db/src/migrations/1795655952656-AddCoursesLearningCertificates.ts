import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCoursesLearningCertificates1795655952656 implements MigrationInterface {
  name = 'AddCoursesLearningCertificates1795655952656';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "certificate_counter" ("scope" character varying(64) NOT NULL, "year" integer NOT NULL, "last_value" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_e00970a42697be478b6149f4dcb" PRIMARY KEY ("scope", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "user_id" uuid, "course_id" uuid, "course_version_id" uuid, "curriculum_id" uuid, "enrollment_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'pending', "serial" character varying(32), "register_number" integer, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "hours" numeric(6,2) NOT NULL, "issuer_org_unit_id" uuid NOT NULL, "snapshot" jsonb NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE, "signature" text, "pdf_key" character varying(512), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(32), "revoked_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_certificate_subject" CHECK (("kind" = 'course' AND "course_version_id" IS NOT NULL) OR ("kind" = 'program' AND "curriculum_id" IS NOT NULL)), CONSTRAINT "ck_certificate_status" CHECK ("status" IN ('pending', 'issued', 'revoked')), CONSTRAINT "ck_certificate_kind" CHECK ("kind" IN ('course', 'program')), CONSTRAINT "PK_8daddfc65f59e341c2bbc9c9e43" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_certificate_issuer" ON "certificate"  ("issuer_org_unit_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_certificate_completed" ON "certificate"  ("completed_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_serial" ON "certificate"  ("serial") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_curriculum" ON "certificate"  ("user_id", "curriculum_id") WHERE "kind" = 'program'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_course_version" ON "certificate"  ("user_id", "course_version_id") WHERE "kind" = 'course'`,
    );
    await queryRunner.query(
      `CREATE TABLE "certificate_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "certificate_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "actor_id" uuid, "note" text, "data" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d14af3eefff2434de5c32adb058" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_certificate_event_certificate" ON "certificate_event"  ("certificate_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "course" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "owner_org_unit_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'draft', "published_version_id" uuid, "draft_version_id" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_course_status" CHECK ("status" IN ('draft', 'published', 'archived')), CONSTRAINT "PK_bf95180dd756fd204fb01ce4916" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_course_code" ON "course"  ("code") `);
    await queryRunner.query(`CREATE INDEX "idx_course_owner" ON "course"  ("owner_org_unit_id") `);
    await queryRunner.query(
      `CREATE TABLE "course_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "version" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'draft', "title" character varying(255) NOT NULL, "description" text NOT NULL DEFAULT '', "hours" numeric(6,2) NOT NULL, "search_text" text NOT NULL DEFAULT '', "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_course_version_hours" CHECK ("hours" > 0), CONSTRAINT "ck_course_version_status" CHECK ("status" IN ('draft', 'published', 'superseded')), CONSTRAINT "PK_be2c44542ff683636ad90e1b179" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_course_version_number" ON "course_version"  ("course_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "course_module" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_version_id" uuid NOT NULL, "key" uuid NOT NULL, "position" integer NOT NULL, "title" character varying(255) NOT NULL, CONSTRAINT "PK_9d04c56010223c5997cc71093b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_course_module_version" ON "course_module"  ("course_version_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "curriculum" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "title" character varying(255) NOT NULL, "description" text NOT NULL DEFAULT '', "audience" character varying(255) NOT NULL DEFAULT '', "job_titles" character varying array NOT NULL DEFAULT '{}', "hours_per_year" numeric(6,2) NOT NULL DEFAULT '0', "owner_org_unit_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'draft', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_curriculum_status" CHECK ("status" IN ('draft', 'published', 'archived')), CONSTRAINT "PK_ea7cdfd52edbddc8d7352e2a747" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_curriculum_code" ON "curriculum"  ("code") `);
    await queryRunner.query(
      `CREATE INDEX "idx_curriculum_owner" ON "curriculum"  ("owner_org_unit_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "curriculum_course" ("curriculum_id" uuid NOT NULL, "course_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_cf692a761244942aa267cc5fe6b" PRIMARY KEY ("curriculum_id", "course_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_curriculum_course_course" ON "curriculum_course"  ("course_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "enrollment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "course_id" uuid NOT NULL, "course_version_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'in_progress', "progress" integer NOT NULL DEFAULT '0', "last_lesson_id" uuid, "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_enrollment_progress" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "ck_enrollment_status" CHECK ("status" IN ('in_progress', 'completed')), CONSTRAINT "PK_7e200c699fa93865cdcdd025885" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_enrollment_completed" ON "enrollment"  ("completed_at") WHERE "status" = 'completed'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_enrollment_version" ON "enrollment"  ("course_version_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_enrollment_user_course" ON "enrollment"  ("user_id", "course_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "lesson" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "module_id" uuid NOT NULL, "course_version_id" uuid NOT NULL, "key" uuid NOT NULL, "position" integer NOT NULL, "title" character varying(255) NOT NULL, "kind" character varying(8) NOT NULL, "content" text, "video_url" character varying(2048), "file_key" character varying(512), "file_name" character varying(255), "file_mime" character varying(127), "duration_minutes" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_lesson_duration" CHECK ("duration_minutes" >= 0), CONSTRAINT "ck_lesson_kind" CHECK ("kind" IN ('text', 'video', 'file')), CONSTRAINT "PK_0ef25918f0237e68696dee455bd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_lesson_version" ON "lesson"  ("course_version_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_lesson_module" ON "lesson"  ("module_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "lesson_completion" ("enrollment_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fb1b1fc0efbf1662689ec69675b" PRIMARY KEY ("enrollment_id", "lesson_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "queue" character varying(64) NOT NULL, "job_name" character varying(64) NOT NULL, "job_id" character varying(128) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_unsent" ON "outbox"  ("id") WHERE "sent_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "quiz" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_version_id" uuid NOT NULL, "module_id" uuid, "key" uuid NOT NULL, "title" character varying(255) NOT NULL, "kind" character varying(16) NOT NULL, "passing_score" integer NOT NULL DEFAULT '50', "time_limit_seconds" integer, "max_attempts" integer, "questions_per_attempt" integer, "shuffle" boolean NOT NULL DEFAULT true, CONSTRAINT "ck_quiz_per_attempt" CHECK ("questions_per_attempt" IS NULL OR "questions_per_attempt" > 0), CONSTRAINT "ck_quiz_max_attempts" CHECK ("max_attempts" IS NULL OR "max_attempts" > 0), CONSTRAINT "ck_quiz_time_limit" CHECK ("time_limit_seconds" IS NULL OR "time_limit_seconds" > 0), CONSTRAINT "ck_quiz_passing_score" CHECK ("passing_score" BETWEEN 0 AND 100), CONSTRAINT "ck_quiz_kind" CHECK ("kind" IN ('practice', 'final')), CONSTRAINT "PK_422d974e7217414e029b3e641d0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_quiz_final_per_version" ON "quiz"  ("course_version_id") WHERE "kind" = 'final'`,
    );
    await queryRunner.query(`CREATE INDEX "idx_quiz_version" ON "quiz"  ("course_version_id") `);
    await queryRunner.query(
      `CREATE TABLE "question" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "quiz_id" uuid NOT NULL, "key" uuid NOT NULL, "position" integer NOT NULL, "type" character varying(16) NOT NULL, "text" text NOT NULL, "explanation" text, CONSTRAINT "ck_question_type" CHECK ("type" IN ('single', 'multiple', 'true_false')), CONSTRAINT "PK_21e5786aa0ea704ae185a79b2d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_question_quiz" ON "question"  ("quiz_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "question_option" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "question_id" uuid NOT NULL, "position" integer NOT NULL, "text" text NOT NULL, "correct" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_64f8e42188891f2b0610017c8f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_question_option_question" ON "question_option"  ("question_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "quiz_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "quiz_id" uuid NOT NULL, "enrollment_id" uuid, "number" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "drawn" jsonb NOT NULL, "answers" jsonb, "score" integer, "passed" boolean, "correct_count" integer, "total" integer, CONSTRAINT "ck_quiz_attempt_score" CHECK ("score" IS NULL OR "score" BETWEEN 0 AND 100), CONSTRAINT "ck_quiz_attempt_status" CHECK ("status" IN ('open', 'submitted', 'expired')), CONSTRAINT "PK_9a6c33ec08b4bcb74ca27701a94" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_quiz_attempt_quiz" ON "quiz_attempt"  ("quiz_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_quiz_attempt_open" ON "quiz_attempt"  ("user_id", "quiz_id") WHERE "status" = 'open'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_quiz_attempt_number" ON "quiz_attempt"  ("user_id", "quiz_id", "number") `,
    );
    await queryRunner.query(
      `ALTER TABLE "certificate" ADD CONSTRAINT "FK_88977bc339155e25ec30c68a9b3" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificate" ADD CONSTRAINT "FK_5ca8362508d4514ba5d4d29f97a" FOREIGN KEY ("issuer_org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificate_event" ADD CONSTRAINT "FK_9f3c2f4dbd4b99a50a3e30699ba" FOREIGN KEY ("certificate_id") REFERENCES "certificate"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course" ADD CONSTRAINT "FK_32c1d814ceb8d28004ea2eb1b5b" FOREIGN KEY ("owner_org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_version" ADD CONSTRAINT "FK_0066962861e162340c248a0c200" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_module" ADD CONSTRAINT "FK_1bb0121ac27d6ed2fec2adf414c" FOREIGN KEY ("course_version_id") REFERENCES "course_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "curriculum" ADD CONSTRAINT "FK_27ef566ccc33c704f17565c0eb9" FOREIGN KEY ("owner_org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "curriculum_course" ADD CONSTRAINT "FK_df5690b76b5f65697d88dfe93e5" FOREIGN KEY ("curriculum_id") REFERENCES "curriculum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "curriculum_course" ADD CONSTRAINT "FK_d96be29fdfa96e507891e76514e" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "FK_fc17c7e94154a17e767b7674f12" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "FK_dd1ce01d1164c8bbdda052ced74" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "FK_77ec9a1cf5fc3bf04bd6b0148f3" FOREIGN KEY ("course_version_id") REFERENCES "course_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson" ADD CONSTRAINT "FK_53d2329d64a9274517d7160c29c" FOREIGN KEY ("module_id") REFERENCES "course_module"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_completion" ADD CONSTRAINT "FK_711f9cc928aac397773afb1f4c5" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_completion" ADD CONSTRAINT "FK_ae5e17063ac87fe1acf4e97aa90" FOREIGN KEY ("lesson_id") REFERENCES "lesson"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz" ADD CONSTRAINT "FK_7ae8d7608ed065300a627151db9" FOREIGN KEY ("course_version_id") REFERENCES "course_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz" ADD CONSTRAINT "FK_7e15a3f3124282466c8a2283621" FOREIGN KEY ("module_id") REFERENCES "course_module"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "question" ADD CONSTRAINT "FK_aecfc55f7d8e7bb703193e03118" FOREIGN KEY ("quiz_id") REFERENCES "quiz"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "question_option" ADD CONSTRAINT "FK_747190c37a39feced5efcbb303f" FOREIGN KEY ("question_id") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz_attempt" ADD CONSTRAINT "FK_337e0e7e243c6ae1f40524f9ff7" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz_attempt" ADD CONSTRAINT "FK_77409c778cba55d5aa36a49a2c9" FOREIGN KEY ("quiz_id") REFERENCES "quiz"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written: diacritic-insensitive catalog search (search_text is folded by the API).
    await queryRunner.query(
      `CREATE INDEX "idx_course_version_search" ON "course_version" USING GIN (to_tsvector('simple', "search_text"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_course_version_search"`);
    await queryRunner.query(
      `ALTER TABLE "quiz_attempt" DROP CONSTRAINT "FK_77409c778cba55d5aa36a49a2c9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz_attempt" DROP CONSTRAINT "FK_337e0e7e243c6ae1f40524f9ff7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "question_option" DROP CONSTRAINT "FK_747190c37a39feced5efcbb303f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "question" DROP CONSTRAINT "FK_aecfc55f7d8e7bb703193e03118"`,
    );
    await queryRunner.query(`ALTER TABLE "quiz" DROP CONSTRAINT "FK_7e15a3f3124282466c8a2283621"`);
    await queryRunner.query(`ALTER TABLE "quiz" DROP CONSTRAINT "FK_7ae8d7608ed065300a627151db9"`);
    await queryRunner.query(
      `ALTER TABLE "lesson_completion" DROP CONSTRAINT "FK_ae5e17063ac87fe1acf4e97aa90"`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_completion" DROP CONSTRAINT "FK_711f9cc928aac397773afb1f4c5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson" DROP CONSTRAINT "FK_53d2329d64a9274517d7160c29c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollment" DROP CONSTRAINT "FK_77ec9a1cf5fc3bf04bd6b0148f3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollment" DROP CONSTRAINT "FK_dd1ce01d1164c8bbdda052ced74"`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollment" DROP CONSTRAINT "FK_fc17c7e94154a17e767b7674f12"`,
    );
    await queryRunner.query(
      `ALTER TABLE "curriculum_course" DROP CONSTRAINT "FK_d96be29fdfa96e507891e76514e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "curriculum_course" DROP CONSTRAINT "FK_df5690b76b5f65697d88dfe93e5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "curriculum" DROP CONSTRAINT "FK_27ef566ccc33c704f17565c0eb9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_module" DROP CONSTRAINT "FK_1bb0121ac27d6ed2fec2adf414c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_version" DROP CONSTRAINT "FK_0066962861e162340c248a0c200"`,
    );
    await queryRunner.query(
      `ALTER TABLE "course" DROP CONSTRAINT "FK_32c1d814ceb8d28004ea2eb1b5b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificate_event" DROP CONSTRAINT "FK_9f3c2f4dbd4b99a50a3e30699ba"`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificate" DROP CONSTRAINT "FK_5ca8362508d4514ba5d4d29f97a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificate" DROP CONSTRAINT "FK_88977bc339155e25ec30c68a9b3"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_quiz_attempt_number"`);
    await queryRunner.query(`DROP INDEX "public"."uq_quiz_attempt_open"`);
    await queryRunner.query(`DROP INDEX "public"."idx_quiz_attempt_quiz"`);
    await queryRunner.query(`DROP TABLE "quiz_attempt"`);
    await queryRunner.query(`DROP INDEX "public"."idx_question_option_question"`);
    await queryRunner.query(`DROP TABLE "question_option"`);
    await queryRunner.query(`DROP INDEX "public"."idx_question_quiz"`);
    await queryRunner.query(`DROP TABLE "question"`);
    await queryRunner.query(`DROP INDEX "public"."idx_quiz_version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_quiz_final_per_version"`);
    await queryRunner.query(`DROP TABLE "quiz"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_unsent"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "lesson_completion"`);
    await queryRunner.query(`DROP INDEX "public"."idx_lesson_module"`);
    await queryRunner.query(`DROP INDEX "public"."idx_lesson_version"`);
    await queryRunner.query(`DROP TABLE "lesson"`);
    await queryRunner.query(`DROP INDEX "public"."uq_enrollment_user_course"`);
    await queryRunner.query(`DROP INDEX "public"."idx_enrollment_version"`);
    await queryRunner.query(`DROP INDEX "public"."idx_enrollment_completed"`);
    await queryRunner.query(`DROP TABLE "enrollment"`);
    await queryRunner.query(`DROP INDEX "public"."idx_curriculum_course_course"`);
    await queryRunner.query(`DROP TABLE "curriculum_course"`);
    await queryRunner.query(`DROP INDEX "public"."idx_curriculum_owner"`);
    await queryRunner.query(`DROP INDEX "public"."uq_curriculum_code"`);
    await queryRunner.query(`DROP TABLE "curriculum"`);
    await queryRunner.query(`DROP INDEX "public"."idx_course_module_version"`);
    await queryRunner.query(`DROP TABLE "course_module"`);
    await queryRunner.query(`DROP INDEX "public"."uq_course_version_number"`);
    await queryRunner.query(`DROP TABLE "course_version"`);
    await queryRunner.query(`DROP INDEX "public"."idx_course_owner"`);
    await queryRunner.query(`DROP INDEX "public"."uq_course_code"`);
    await queryRunner.query(`DROP TABLE "course"`);
    await queryRunner.query(`DROP INDEX "public"."idx_certificate_event_certificate"`);
    await queryRunner.query(`DROP TABLE "certificate_event"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_course_version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_curriculum"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_serial"`);
    await queryRunner.query(`DROP INDEX "public"."idx_certificate_completed"`);
    await queryRunner.query(`DROP INDEX "public"."idx_certificate_issuer"`);
    await queryRunner.query(`DROP TABLE "certificate"`);
    await queryRunner.query(`DROP TABLE "certificate_counter"`);
  }
}
