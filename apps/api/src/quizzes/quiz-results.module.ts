import { Module } from '@nestjs/common';
import { QuizResultsService } from './quiz-results.service';

/**
 * Read-only quiz results for other features (learning's progress marks). Apart from
 * QuizzesModule, which imports LearningModule: importing this one makes no cycle.
 */
@Module({ providers: [QuizResultsService], exports: [QuizResultsService] })
export class QuizResultsModule {}
