import { Module } from '@nestjs/common';

/** Quiz attempts: draw, timing and grading on the server. */
@Module({})
export class QuizzesModule {}
