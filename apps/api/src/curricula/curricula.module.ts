import { Module } from '@nestjs/common';
import { CertificateRequestsModule } from '../certificates/certificate-requests.module';
import { CoursesModule } from '../courses/courses.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { CurriculaQueryService } from './curricula-query.service';
import { CurriculaController } from './curricula.controller';
import { CurriculaService } from './curricula.service';
import { MyCurriculaController } from './my-curricula.controller';
import { ProgramCertificateService } from './program-certificate.service';

/** Learning paths: ordered courses for a position, with yearly hours. */
@Module({
  imports: [OrgUnitsModule, CoursesModule, CertificateRequestsModule],
  controllers: [CurriculaController, MyCurriculaController],
  providers: [CurriculaService, CurriculaQueryService, ProgramCertificateService],
  // LearningModule runs the programme check inside its completion transaction.
  exports: [ProgramCertificateService],
})
export class CurriculaModule {}
