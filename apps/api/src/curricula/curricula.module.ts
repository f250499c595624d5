import { Module } from '@nestjs/common';

/** Learning paths: ordered courses for a position, with yearly hours. */
@Module({})
export class CurriculaModule {}
