import { Global, Module } from '@nestjs/common';
import { ChangeFeed } from './change-feed.service';

/** In-memory read caches kept honest by PostgreSQL change notifications. */
@Global()
@Module({ providers: [ChangeFeed], exports: [ChangeFeed] })
export class CacheModule {}
